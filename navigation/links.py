"""What every page shows to find its way: the menu, the help link, the breadcrumbs and the footer.

Plain data built from the page tree and the footer settings; the menu and the footer are
cached until the content changes (caching.version). navigation_tags renders them.
"""

from django.apps import apps
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.rich_text import RichText

from caching.version import cached
from core import i18n
from core.models import BasePage, FooterSettings, FooterText, public


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


def breadcrumb_links(request, page):
    """The page's ancestors below the root, home page first.

    An ancestor that is an alias (not translated) links to its original, marked with its language.
    """
    links = []
    ancestors = page.path_ancestors if isinstance(page, BasePage) else page.get_ancestors().filter(depth__gt=1)
    for ancestor in ancestors:
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


def footer_content_for(request):
    """The footer's contact details and social links (FooterSettings) and its words in the visitor's language.

    Plain data, cached until the next publish or footer edit (caching.version).
    """

    def build():
        settings = FooterSettings.for_request(request)
        words = FooterText.for_active_language()
        # A chosen page that was deleted is left out.
        chosen = [link.value for link in words.footer_links if link.value["page"]] if words else []
        targets = i18n.localized([link["page"] for link in chosen])
        links = [
            {"url": target.get_url(request), "label": link["label"] or target.title}
            for link, target in zip(chosen, targets, strict=True)
        ]
        return {
            "contact_email": settings.contact_email,
            "contact_phone": settings.contact_phone,
            "postal_address": settings.postal_address,
            "social_links": [{"url": link.value["url"], "name": link.value["name"]} for link in settings.social_links],
            "funder_acknowledgement": str(RichText(words.funder_acknowledgement))
            if words and words.funder_acknowledgement
            else "",
            "footer_links": links,
        }

    content = cached("footer", request.get_host(), build)
    # Wagtail rendered (and escaped) the rich text before it was cached.
    return {**content, "funder_acknowledgement": mark_safe(content["funder_acknowledgement"])}  # noqa: S308  # nosec
