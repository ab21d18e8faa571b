import json
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from core import i18n
from core.models import SOCIAL_IMAGE_FILTER, FooterText, SEOMixin

register = template.Library()


@register.simple_tag
def html_language_tag():
    """The language tag for <html lang>: en-GB rather than the URL prefix en."""
    return i18n.active_language_tag()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"choices": i18n.language_choices(context["request"], context.get("page"))}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel="alternate" hreflang> for the page's live translations only, plus x-default."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"alternates": []}
    translations = i18n.live_translations(page)
    if len(translations) < 2:
        return {"alternates": []}
    alternates = [(i18n.html_language_tag(code), translation.full_url) for code, translation in translations.items()]
    if settings.LANGUAGE_CODE in translations:
        alternates.append(("x-default", translations[settings.LANGUAGE_CODE].full_url))
    return {"alternates": alternates}


def site_root(request):
    """The current site's home page in the visitor's language, if it has one."""
    return i18n.live_home_pages(request).get(get_language())


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


# Characters that would let JSON end a <script> element early or open markup inside it.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(objects):
    """Schema.org objects as JSON safe to place inside <script type="application/ld+json">."""
    data = objects[0] if len(objects) == 1 else objects
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308  # nosec


@register.inclusion_tag("includes/metadata.html", takes_context=True)
def page_metadata(context):
    """Description, canonical link, sharing tags and JSON-LD for a page, from its SEOMixin methods."""
    page = context.get("page")
    request = context["request"]
    if not isinstance(page, SEOMixin):
        return {}
    # A partly translated page points search engines at its original.
    canonical = (context.get("original_page") or page).get_full_url(request)
    image = page.get_social_image()
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER) if image else None
    except SourceImageIOError:
        # The original is missing from storage: share the page without an image rather than fail it.
        rendition = None
    language = i18n.active_language_tag()
    return {
        "page": page,
        "canonical": canonical,
        "description": page.get_meta_description(),
        "social_description": page.get_social_description(),
        "og_type": page.get_og_type(),
        "og_locale": language.replace("-", "_"),
        "image": rendition,
        "image_url": urljoin(canonical or "", rendition.url) if rendition else "",
        "image_alt": image.default_alt_text if image else "",
        "structured_data": json_ld(page.get_structured_data(request)),
    }


@register.simple_tag
def footer_text():
    """The footer's words (funders, footer links) in the visitor's language."""
    return FooterText.for_active_language()
