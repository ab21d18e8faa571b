from django import template
from wagtail.models import Page

from navigation.links import aria_current, breadcrumb_links, footer_content_for, menu_links

register = template.Library()


@register.simple_tag(takes_context=True)
def help_link(context):
    """{"url", "title"} of the page that offers help ("Can we help you?"), or None."""
    return menu_links(context["request"])["help"]


@register.inclusion_tag("includes/primary_navigation.html", takes_context=True)
def primary_navigation(context):
    """The home page and its children that editors ticked 'show in menus'."""
    request = context["request"]
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else None
    links = menu_links(request)["links"]
    if not links:
        return {"links": []}
    home, *sections = links
    # Every page is inside the home page's section: it is marked only as the current page.
    marked = [{**home, "current": "page" if home["path"] == current_path else None}]
    marked += [{**link, "current": aria_current(link["path"], current_path)} for link in sections]
    return {"links": marked}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = breadcrumb_links(context["request"], page) if isinstance(page, Page) else []
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag(takes_context=True)
def footer_content(context):
    """The footer's contact details, social links and words in the visitor's language."""
    return footer_content_for(context["request"])
