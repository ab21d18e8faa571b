"""Search that forgives: spelling suggestions, synonyms, help when nothing is found, and the editors' report."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from search.models import Synonym, UnansweredSearch
from search.words import closest_word
from tests.factories import (
    EnquiryFormPageFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"


@pytest.fixture
def site(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    toolkit = ResourceTypeFactory(name="Toolkit", slug="toolkit")
    TopicFactory(name="Inclusion", slug="inclusion")
    ResourcePageFactory(
        parent=library, title="Nurture groups toolkit", summary="Music in nurture groups.", resource_type=toolkit
    )
    ResourcePageFactory(
        parent=library, title="Singing toolkit", summary="Songs for every class.", resource_type=toolkit
    )
    ProgrammePageFactory(
        parent=home_page,
        title="Training for music services",
        intro="Sessions for music leaders working with learners with special educational needs.",
    )
    return home_page, library


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-results .card__title a")]


def suggestion(response):
    link = soup_of(response).select_one(".search-page__suggestion a")
    return (link.get_text(strip=True), link["href"]) if link else None


@pytest.mark.parametrize(("typed", "meant"), [("nuture", "nurture"), ("tookit", "toolkit"), ("inclsion", "inclusion")])
def test_a_misspelt_search_suggests_the_sites_own_word_and_the_link_runs_it(client, site, typed, meant):
    response = client.get(SEARCH, {"q": typed})
    assert suggestion(response) == (meant, f"?q={meant}")
    assert result_titles(client.get(SEARCH + f"?q={meant}")), "the corrected search finds something"


def test_words_of_a_query_that_are_spelt_right_are_kept(client, site):
    assert suggestion(client.get(SEARCH, {"q": "singing tookit"})) == ("singing toolkit", "?q=singing+toolkit")


def test_promoted_queries_are_words_the_site_knows(client, site):
    home, _library = site
    SearchPromotion.objects.create(query=Query.get("ukulele"), page=home, sort_order=0)
    assert suggestion(client.get(SEARCH, {"q": "ukelele"}))[0] == "ukulele"


def test_a_search_with_plenty_of_results_gets_no_suggestion(client, site):
    assert suggestion(client.get(SEARCH, {"q": "toolkit"})) is None


def test_synonyms_find_pages_with_any_of_their_words_and_the_other_words_are_still_required(client, site):
    assert result_titles(client.get(SEARCH, {"q": "SEND music"})) == []
    Synonym.objects.create(terms="SEND\nspecial educational needs\n")
    Synonym.objects.create(terms="CPD\ntraining")
    assert result_titles(client.get(SEARCH, {"q": "SEND music"})) == ["Training for music services"]
    assert "Training for music services" in result_titles(client.get(SEARCH, {"q": "CPD"}))
    assert result_titles(client.get(SEARCH, {"q": "CPD"})) == result_titles(client.get(SEARCH, {"q": "training"}))
    assert result_titles(client.get(SEARCH, {"q": "CPD singing"})) == [], "singing is still required"


def test_no_results_offers_toolkits_topics_and_help_and_is_reported(client, site):
    home, _library = site
    EnquiryFormPageFactory(parent=home, title="Contact us", slug="contact")
    response = client.get(SEARCH, {"q": "zyzzyva"})
    soup = soup_of(response)
    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    assert headings == ["Toolkits our pages recommend most", "Topics in the resource library", "Can we help you?"]
    assert sorted(a.get_text() for a in soup.select(".search-page__toolkits a")) == [
        "Nurture groups toolkit",
        "Singing toolkit",
    ]
    assert soup.select_one(".search-page__topics a")["href"] == "/en/resources/?topic=inclusion"
    assert soup.select_one("main a[href='/en/contact/']")
    client.get(SEARCH, {"q": "Zyzzyva"})
    client.get(SEARCH, {"q": "nurture"})
    unanswered = UnansweredSearch.objects.get()
    assert (unanswered.query_string, unanswered.hits) == ("zyzzyva", 2)


def test_editors_see_the_searches_that_found_nothing_under_reports(admin_client, client, site):
    client.get(SEARCH, {"q": "zyzzyva"})
    client.get(SEARCH, {"q": "zyzzyva"})
    menu = admin_client.get("/admin/")
    assert b"Searches that found nothing" in menu.content
    report = soup_of(admin_client.get("/admin/reports/searches-that-found-nothing/"))
    row = [cell.get_text(strip=True) for cell in report.select("tbody tr")[0].select("td")]
    assert row[:2] == ["zyzzyva", "2"]


def test_the_spelling_suggestions_ask_pg_trgm_on_postgresql_and_difflib_on_sqlite(django_assert_num_queries):
    on_postgresql = connection.vendor == "postgresql"
    if on_postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone()
    with django_assert_num_queries(1 if on_postgresql else 0):
        assert closest_word("nuture", ["nature", "nurture", "toolkit"]) == "nurture"


def test_welsh_search_does_not_stem_welsh_words_as_english(client, site):
    """English rules would cut "hyfforddiant" (training) to "hyfforddi" (to train) and find both.

    On SQLite one full-text table stems every language alike (docs/scaling.md), so there both are found.
    """
    home, _library = site
    welsh = Locale.objects.create(language_code="cy")
    welsh_home = home.copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    ProgrammePageFactory(parent=welsh_home, title="Hyfforddiant", intro="Cyrsiau.", locale=welsh)
    ProgrammePageFactory(parent=welsh_home, title="Sut i hyfforddi", intro="Canllaw.", locale=welsh)
    if connection.vendor == "postgresql":
        assert result_titles(client.get("/cy/search/", {"q": "hyfforddi"})) == ["Sut i hyfforddi"]
        assert result_titles(client.get("/cy/search/", {"q": "hyfforddiant"})) == ["Hyfforddiant"]
    else:
        found = result_titles(client.get("/cy/search/", {"q": "hyfforddi"}))
        assert sorted(found) == ["Hyfforddiant", "Sut i hyfforddi"]
