import json
import zlib
from urllib.parse import urljoin

from django import template
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from caching.version import cached
from core import i18n
from core.models import SOCIAL_IMAGE_FILTER, BasePage, SEOMixin, footer_content_for, public

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


def aria_current(link_path, current_path):
    """'page' for the current page, 'true' for the section it is in, None otherwise."""
    if current_path == link_path:
        return "page"
    if current_path and current_path.startswith(link_path):
        return "true"
    return None


def with_menu_labels(pages):
    """Pages with their menu label (or '') as menu_label_, in the same query: one subquery per page type."""
    labels = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("menu_label")[:1])
        for model in apps.get_models()
        if issubclass(model, BasePage)
    ]
    return pages.annotate(menu_label_=Coalesce(*labels, Value("")))


def menu_links(request):
    """The home page and its live, public children that editors ticked 'show in menus', by menu label,
    and the first of those children whose page type offers help (offers_help: the enquiry form).

    Remembered on the request: the header's menu and help link and the footer's help link all read it.
    """
    if not hasattr(request, "menu_links"):
        request.menu_links = cached("menu", request.get_host(), lambda: build_menu_links(request))
    return request.menu_links


def build_menu_links(request):
    home = i18n.live_home_pages(request).get(get_language())
    if home is None:
        return {"links": [], "help": None}
    # An alias (an untranslated section wagtail-localize made for a translated page) is never served.
    children = list(with_menu_labels(public(home.get_children().live().filter(alias_of__isnull=True))))
    # The menu names the home page "Home" itself (includes/primary_navigation.html).
    links = [{"url": home.get_url(request), "title": home.title, "path": home.path}]
    links += [
        {"url": child.get_url(request), "title": child.menu_label_ or child.title, "path": child.path}
        for child in children
        if child.show_in_menus
    ]
    helping = [child for child in children if getattr(child.specific_class, "offers_help", False)]
    help_link = {"url": helping[0].get_url(request), "title": helping[0].title} if helping else None
    return {"links": links, "help": help_link}


# How many fallback pictures each kind of card has (static/images/cards, drawn by scripts/make_card_art.py).
CARD_ART_VARIANTS = 5


@register.simple_tag
def card_art(kind, key):
    """The URL of a card's fallback picture: the motif of its kind ("resource" or "post") in one of
    the HEARD colours, chosen by key (the page's slug) so that neighbouring cards differ and a card
    keeps its picture wherever the page is copied (its id would change)."""
    return static(f"images/cards/{kind}-{zlib.crc32(str(key).encode()) % CARD_ART_VARIANTS}.svg")


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


def breadcrumb_links(request, page):
    """The page's ancestors below the root, home page first.

    An ancestor that is an alias (not translated) links to its original, marked with its language.
    """

    links = []
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        served = i18n.served_version(ancestor)
        language = served.locale.language_code if served is not ancestor else None
        links.append(
            {
                "url": served.get_url(request),
                "title": served.title,
                "language_tag": i18n.html_language_tag(language) if language else None,
                "language_name": get_language_info(language)["name_translated"] if language else None,
            }
        )
    return links


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = breadcrumb_links(context["request"], page) if isinstance(page, Page) else []
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


@register.simple_tag(takes_context=True)
def footer_content(context):
    """The footer's contact details, social links and words in the visitor's language."""
    return footer_content_for(context["request"])
