"""Languages: which translations of a page a visitor may be sent to, and when a page is only partly translated.

Translations are made with wagtail-localize. A translated page is a separate
page in its locale's tree; there are no alias trees. A translator may publish a
translation before every segment is done (wagtail-localize then falls back to
the source text), so such a page carries a notice, links to its original and
is kept out of search engines.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from caching.version import cached


def html_language_tag(code):
    """The language tag for lang/hreflang attributes: en-GB rather than the URL prefix en."""
    return settings.HTML_LANGUAGE_TAGS.get(code, code)


def active_language_tag():
    return html_language_tag(get_language() or settings.LANGUAGE_CODE)


def serves_in_active_language(page):
    """Whether page belongs under the current URL's language prefix.

    Wagtail falls back to the default locale's root when a locale has no home
    page of its own, which would show English under /cy/; alias pages would
    show another locale's content. Neither is served.
    """
    return page.locale_id == locale_id(get_language()) and page.alias_of_id is None


def served_version(page):
    """The page a link to page should lead to: page itself, or for an alias its original.

    wagtail-localize makes an untranslated parent of a translated page an alias of the
    original (the Welsh blog index of a translated post, say). An alias is never served
    (serves_in_active_language), so links lead to the original, in its own language,
    instead. This is how a translated child gets a working parent: the English parent
    serves, with its own language marked, rather than a draft translation that stays
    unpublished until a translator gets to it, or English text under /cy/.
    """
    if page.alias_of_id is None:
        return page
    return Page.objects.select_related("locale").get(pk=page.alias_of_id)


_locale_ids = {}


def forget_locale_ids(**kwargs):
    """Connected to Locale's save and delete signals in CoreConfig.ready()."""
    _locale_ids.clear()


def locale_id(language_code):
    """The id of the Locale for a language code, remembered per process (ids never change)."""
    if language_code not in _locale_ids:
        found = Locale.objects.filter(language_code=language_code).values_list("pk", flat=True).first()
        if found is None:
            return None
        _locale_ids[language_code] = found
    return _locale_ids[language_code]


def localized(pages):
    """Each page's live translation in the visitor's language where there is one, else the page itself.

    Wagtail's Page.localized asks for the active Locale and the translation once per page; this
    makes at most one query for the whole list.
    """
    active = locale_id(get_language())
    others = [page.translation_key for page in pages if page.locale_id != active]
    found = {}
    if others:
        translations = Page.objects.live().filter(translation_key__in=others, locale_id=active)
        found = {translation.translation_key: translation for translation in translations}
    return [page if page.locale_id == active else found.get(page.translation_key, page) for page in pages]


def live_translation_urls(request, page):
    """(url, full url) of the live versions of page in every locale, itself included, keyed by language code."""

    def build():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {
            translation.locale.language_code: (translation.get_url(request), translation.get_full_url(request))
            for translation in translations
        }

    # Remembered on the request: the language switcher and the alternate links both read it.
    remembered = request.__dict__.setdefault("live_translation_urls", {})
    if page.pk not in remembered:
        remembered[page.pk] = cached("translations", (request.get_host(), page.pk), build)
    return remembered[page.pk]


def live_home_pages(request):
    """The live home page of each locale for the current site, keyed by language code.

    Remembered on the request: the menu and the home page links both need it.
    """
    if not hasattr(request, "_live_home_pages"):
        site = Site.find_for_request(request)
        homes = []
        if site is not None:
            root = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            homes = Page.objects.filter(translation_key__in=root).live().select_related("locale")
        request._live_home_pages = {home.locale.language_code: home for home in homes}
    return request._live_home_pages


def live_home_urls(request):
    """The url of the live home page of each locale for the current site, keyed by language code."""
    return cached(
        "homes",
        request.get_host(),
        lambda: {code: home.get_url(request) for code, home in live_home_pages(request).items()},
    )


def untranslated_original(page):
    """The source page when page is a translation with segments still untranslated, else None."""
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source")
        .first()
    )
    if translation is None:
        return None
    total, translated = translation.get_progress()
    if translated >= total:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale_id=translation.source.locale_id).first()


def untranslated_original_link(request, page):
    """{url, full_url, language_code} of the original of a partly translated page, else None."""
    if get_language() == settings.LANGUAGE_CODE:
        return None
    original = untranslated_original(page)
    if original is None:
        return None
    return {
        "url": original.get_url(request),
        "full_url": original.get_full_url(request),
        "language_code": original.locale.language_code,
    }


def language_choices(request, page=None):
    """One entry per configured language for the language switcher.

    Each links to the same page's live translation, or, where there is none, to
    that language's home page (fallback=True), or to the same view under the
    other language prefix when the current view is not a Wagtail page.
    """
    current = get_language()
    translations = live_translation_urls(request, page) if isinstance(page, Page) else {}
    homes = live_home_urls(request) if isinstance(page, Page) and len(translations) < len(settings.LANGUAGES) else {}
    choices = []
    for code, name in settings.LANGUAGES:
        url, fallback = None, False
        if not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        elif code in translations:
            url = translations[code][0]
        elif code in homes:
            url, fallback = homes[code], True
        if url:
            choices.append(
                {
                    "code": code,
                    "name": name,
                    "tag": html_language_tag(code),
                    "url": url,
                    "current": code == current,
                    "fallback": fallback,
                }
            )
    return choices
