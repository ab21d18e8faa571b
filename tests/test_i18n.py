"""Translations: made with wagtail-localize, served per language, never half-translated without saying so."""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.helpers import translate
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db

ABOUT_WELSH = {"About us": "Amdanom ni", "We help music services.": "Rydym yn helpu gwasanaethau cerdd."}
HOME_WELSH = {
    "Changing Tracks": "Changing Tracks",
    "Peer support, training and research for inclusive music services.": "Cymorth, hyfforddiant ac ymchwil.",
    "Helping music services embed equality, diversity and inclusion.": "Helpu gwasanaethau cerdd.",
}


@pytest.fixture
def about(home_page):
    return ProgrammePageFactory(parent=home_page, title="About us", slug="about", intro="We help music services.")


@pytest.fixture
def welsh_home(home_page):
    return translate(home_page, "cy", HOME_WELSH)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def publish(translation, capture):
    """wagtail-localize publishes once the transaction commits: run that now, as a request would."""
    with capture(execute=True):
        translation.save_target(publish=True)


def test_a_translation_made_and_edited_in_wagtail_localize_is_served_under_cy(
    client, about, welsh_home, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.create(source=source, target_locale=welsh_home.locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = ABOUT_WELSH.get(segment.string.data, segment.string.data)
        StringTranslation.from_text(segment.string, welsh_home.locale, segment.context, text)
    publish(translation, django_capture_on_commit_callbacks)
    edited = StringTranslation.objects.get(translation_of__data="We help music services.")
    edited.data = "Rydym yn helpu gwasanaethau cerdd ledled y DU."
    edited.save()
    publish(translation, django_capture_on_commit_callbacks)

    page = soup(client.get("/cy/about/"))
    assert page.html["lang"] == "cy"
    assert page.h1.get_text(strip=True) == "Amdanom ni"
    assert "Rydym yn helpu gwasanaethau cerdd ledled y DU." in page.select_one(".lead").get_text()
    assert not page.select(".notice"), "a complete translation carries no notice"


def test_switcher_and_hreflang_list_only_live_translations(client, about, welsh_home):
    welsh_about = translate(about, "cy", ABOUT_WELSH)
    english = soup(client.get("/en/about/"))
    switcher = {a["hreflang"]: a["href"] for a in english.select(".language-switcher a")}
    assert switcher == {"en-GB": "/en/about/", "cy": "/cy/about/"}
    assert english.select_one('.language-switcher a[hreflang="cy"]').get_text(strip=True) == "Cymraeg"
    alternates = {link["hreflang"]: link["href"] for link in english.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "en-GB": "http://localhost/en/about/",
        "cy": "http://localhost/cy/about/",
        "x-default": "http://localhost/en/about/",
    }

    welsh_about.unpublish()
    english = soup(client.get("/en/about/"))
    welsh_link = english.select_one('.language-switcher a[hreflang="cy"]')
    assert welsh_link["href"] == "/cy/", "with no live translation the switcher goes to the Welsh home page"
    note = welsh_link.select_one(".language-switcher__note")
    assert note["lang"] == "cy"
    assert note.get_text(strip=True) == "(hafan: dydy'r dudalen hon ddim wedi'i chyfieithu)", "said in Welsh"
    assert not english.select('link[rel="alternate"][hreflang]')
    assert client.get("/cy/about/").status_code == 404, "a translation that is not live is never served"


def test_a_partly_translated_page_says_so_links_to_the_original_and_is_not_indexed(
    client, about, welsh_home, django_capture_on_commit_callbacks
):
    source, _created = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.create(source=source, target_locale=welsh_home.locale)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.from_text(title.string, welsh_home.locale, title.context, "Amdanom ni")
    publish(translation, django_capture_on_commit_callbacks)  # the intro falls back to English

    page = soup(client.get("/cy/about/"))
    assert page.select_one(".notice a")["href"] == "/en/about/"
    assert page.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert page.select_one('link[rel="canonical"]')["href"] == "http://localhost/en/about/"


def test_po_export_and_import_round_trip(about, welsh_home, django_capture_on_commit_callbacks):
    source, _created = TranslationSource.get_or_create_from_instance(about)
    translation = Translation.objects.create(source=source, target_locale=welsh_home.locale)
    po = translation.export_po()
    assert {entry.msgid for entry in po} >= {"About us", "We help music services."}
    for entry in po:
        entry.msgstr = ABOUT_WELSH.get(entry.msgid, entry.msgid)
    assert translation.import_po(po) == []
    assert translation.export_po()[0].msgstr == po[0].msgstr
    total, done = translation.get_progress()
    assert total == done
    publish(translation, django_capture_on_commit_callbacks)
    assert about.get_translation(welsh_home.locale).title == "Amdanom ni"


def test_search_under_cy_finds_welsh_pages_only(client, about, welsh_home):
    translate(about, "cy", ABOUT_WELSH)
    welsh = soup(client.get("/cy/search/", {"q": "Amdanom"}))
    english = soup(client.get("/cy/search/", {"q": "About"}))
    assert [a["href"] for a in welsh.select(".search-results a")] == ["/cy/about/"]
    assert not english.select(".search-results a")


@pytest.mark.parametrize(
    "accept_language,expected", [("cy,en;q=0.5", "/cy/"), ("fr-FR,fr;q=0.9", "/en/"), ("", "/en/")]
)
def test_root_redirects_by_accept_language(client, welsh_home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("path", ["/xx/about/", "/fr/", "/de-de/about/"])
def test_an_unknown_language_prefix_is_a_404_not_a_redirect(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in soup(response).h1.get_text()


def test_no_english_page_is_served_under_cy_when_there_is_no_welsh_home(client, home_page):
    Locale.objects.get_or_create(language_code="cy")
    assert client.get("/cy/").status_code == 404


def test_an_untranslated_page_is_not_served_under_cy(client, about, welsh_home):
    assert client.get("/cy/about/").status_code == 404


@override_settings(
    LANGUAGES=[("en", "English"), ("ar", "العربية")], WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("ar", "العربية")]
)
def test_a_right_to_left_language_sets_dir_rtl(client, home_page):
    arabic = translate(home_page, "ar", {key: f"ترجمة {index}" for index, key in enumerate(HOME_WELSH)})
    page = soup(client.get("/ar/"))
    assert arabic.live
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")


def test_sitemap_lists_both_languages_with_their_alternates(client, about, welsh_home, django_assert_max_num_queries):
    translate(about, "cy", ABOUT_WELSH)
    ProgrammePageFactory(parent=about.get_parent(), title="Only in English", slug="english-only")
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap.xml")
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(response.content)
    alternates = {
        url.find("s:loc", namespaces).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)
        }
        for url in root.findall("s:url", namespaces)
    }
    assert alternates["http://localhost/cy/about/"] == {
        "en-GB": "http://localhost/en/about/",
        "cy": "http://localhost/cy/about/",
    }
    assert alternates["http://localhost/en/english-only/"] == {}


def test_heard_letters_spell_heard_in_every_language(client, welsh_home):
    # The home page's own HEARD section, shown by default.
    letters = [letter.get_text() for letter in soup(client.get("/cy/")).select(".heard__letter")]
    assert letters == ["H", "E", "A", "R", "D"]


def test_the_translate_page_explains_its_locales_field(admin_client, about, welsh_home):
    response = admin_client.get(reverse("wagtail_localize:submit_page_translation", args=[about.pk]))
    assert response.status_code == 200
    page = soup(response)
    help_text = page.find(id="locales-help").get_text(" ", strip=True)
    assert help_text.startswith("Locales are the languages the site is published in.")
    assert "Nothing is published until a translator publishes it" in help_text
    assert page.select_one('input[name="locales"]'), "the Locales boxes are still there"
