import json
import zlib
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from core import i18n
from core.models import SOCIAL_IMAGE_FILTER, SEOMixin

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
    translations = i18n.live_translation_urls(context["request"], page)
    if len(translations) < 2:
        return {"alternates": []}
    alternates = [(i18n.html_language_tag(code), full_url) for code, (_url, full_url) in translations.items()]
    if settings.LANGUAGE_CODE in translations:
        alternates.append(("x-default", translations[settings.LANGUAGE_CODE][1]))
    return {"alternates": alternates}


# How many fallback pictures each kind of card has (static/images/cards, drawn by scripts/make_card_art.py).
CARD_ART_VARIANTS = 5


@register.simple_tag
def card_art(kind, key):
    """The URL of a card's fallback picture: the motif of its kind ("resource" or "post") in one of
    the HEARD colours, chosen by key (the page's slug) so that neighbouring cards differ and a card
    keeps its picture wherever the page is copied (its id would change)."""
    return static(f"images/cards/{kind}-{zlib.crc32(str(key).encode()) % CARD_ART_VARIANTS}.svg")


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


@register.simple_tag(takes_context=True)
def page_metadata(context):
    """Description, canonical link, sharing tags and JSON-LD for a page, from its SEOMixin methods."""
    page = context.get("page")
    if not isinstance(page, SEOMixin):
        return ""
    request = context["request"]
    return render_to_string("includes/metadata.html", metadata(page, request, context.get("original_page")))


def metadata(page, request, original):
    """The metadata template's context."""
    # A partly translated page points search engines at its original.
    canonical = original["full_url"] if original else page.get_full_url(request)
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
