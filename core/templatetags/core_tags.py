from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag
def html_language_tag():
    """The language tag for <html lang>: en-GB rather than the URL prefix en."""
    code = get_language() or settings.LANGUAGE_CODE
    return settings.HTML_LANGUAGE_TAGS.get(code, code)


def site_root(request):
    """The current site's root page in the visitor's language."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


def aria_current(item, current):
    """'page' for the current page, 'true' for its section, None otherwise."""
    if not isinstance(current, Page):
        return None
    if current.path == item.path:
        return "page"
    if current.path.startswith(item.path):
        return "true"
    return None


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The home page and its children that editors ticked 'show in menus'."""
    request = context["request"]
    current = context.get("page")
    root = site_root(request)
    if root is None:
        return {"links": []}
    links = [(root, "page" if isinstance(current, Page) and current.path == root.path else None)]
    links += [(item, aria_current(item, current)) for item in root.get_children().live().public().in_menu()]
    return {"links": links, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = page.get_ancestors().filter(depth__gt=1) if isinstance(page, Page) else []
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination and filter links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with ellipses for long listings."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
