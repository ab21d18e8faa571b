"""Site search: results by kind, promoted results, hits, autocomplete, and no 500 for any query."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database import SearchBackend as database_search_backend

from search.views import ranked_matches
from tests.factories import (
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = "/en/search/"
AUTOCOMPLETE = "/en/search/autocomplete/"


@pytest.fixture
def site(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    toolkit = ResourceTypeFactory(name="Toolkit")
    ResourcePageFactory(
        parent=library,
        title="Nurture groups toolkit",
        summary="Music sessions in small nurture groups with primary schools.",
        resource_type=toolkit,
        publication_date=datetime.date(2023, 9, 1),
    )
    ResourcePageFactory(
        parent=library, title="Nurture groups film", summary="A film about nurture groups in primary schools."
    )
    ProgrammePageFactory(parent=home_page, title="Action research", intro="We fund nurture groups research.")
    ProgrammePageFactory(parent=home_page, title="Training", intro="Presentations for regional hub groups.")
    return home_page, library


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-results .card__title a")]


def kind_options(response):
    soup = soup_of(response)
    return {
        box["value"]: soup.select_one(f"label[for='{box['id']}']").get_text(" ", strip=True)
        for box in soup.select("input[name=kind]")
    }


def test_search_finds_every_page_type_and_says_what_each_is(client, site):
    response = client.get(SEARCH, {"q": "nurture groups"})
    assert sorted(result_titles(response)) == ["Action research", "Nurture groups film", "Nurture groups toolkit"]
    cards = {
        card.select_one(".card__title").get_text(strip=True): " ".join(
            card.select_one(".card__meta").get_text().split()
        )
        for card in soup_of(response).select(".search-results li")
    }
    assert cards["Nurture groups toolkit"] == "Resource · Toolkit · 1 September 2023"
    assert cards["Action research"] == "Programme page"
    assert "We fund nurture groups research." in soup_of(response).select_one(".search-results").get_text()


def test_results_can_be_narrowed_to_a_kind_and_other_kinds_keep_their_counts(client, site):
    response = client.get(SEARCH, {"q": "nurture", "kind": ["resources", "no-such-kind"]})
    assert sorted(result_titles(response)) == ["Nurture groups film", "Nurture groups toolkit"]
    assert kind_options(response) == {"resources": "Resources (2)", "pages": "Pages (1)"}
    chip = soup_of(response).select_one(".chips .chip")
    assert chip["href"] == "?q=nurture"
    assert soup_of(response).select_one("#kind-resources").has_attr("checked")


def test_a_page_type_that_declares_no_kind_is_one_of_the_pages(client, site):
    response = client.get(SEARCH, {"q": "nurture", "kind": "pages"})
    assert result_titles(response) == ["Action research"]


def test_kind_labels_are_plain_english_and_welsh(client, site):
    home, _library = site
    welsh = Locale.objects.create(language_code="cy")
    welsh_home = home.copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    ProgrammePageFactory(parent=welsh_home, title="Grwpiau meithrin", intro="Grwpiau meithrin", locale=welsh)
    assert set(kind_options(client.get(SEARCH, {"q": "nurture"})).values()) == {"Resources (2)", "Pages (1)"}
    assert kind_options(client.get("/cy/search/", {"q": "meithrin", "kind": "resources"})) == {
        "pages": "Tudalennau (1)",
        "resources": "Adnoddau (0)",
    }


@pytest.mark.parametrize(
    ("one", "other"), [("nurture group", "nurture groups"), ("toolkits", "toolkit"), ("grouping", "groups")]
)
def test_word_forms_find_the_same_pages(client, site, one, other):
    """Singular, plural and -ing forms match on SQLite (FTS5's porter stemmer) as on PostgreSQL."""
    found = sorted(result_titles(client.get(SEARCH, {"q": one})))
    assert found and found == sorted(result_titles(client.get(SEARCH, {"q": other})))


def test_promoted_results_come_first_and_only_once(client, site):
    home, _library = site
    training = home.get_children().get(title="Training")
    film = home.get_descendants().get(title="Nurture groups film")
    assert "Training" not in result_titles(client.get(SEARCH, {"q": "Nurture"}))  # cached until the promotions change
    query = Query.get("nurture")
    SearchPromotion.objects.create(query=query, page=training, sort_order=0, description="Book us for your hub.")
    SearchPromotion.objects.create(query=query, page=film, sort_order=1)
    response = client.get(SEARCH, {"q": "Nurture"})
    titles = result_titles(response)
    assert titles[:2] == ["Training", "Nurture groups film"]
    assert sorted(titles[2:]) == ["Action research", "Nurture groups toolkit"]
    assert titles.count("Nurture groups film") == 1
    first = soup_of(response).select_one(".search-results li")
    assert "Recommended" in first.get_text() and "Book us for your hub." in first.get_text()
    assert "4 results" in soup_of(response).select_one("[role=status]").get_text()


def test_each_search_is_recorded_as_a_hit(client, site):
    client.get(SEARCH, {"q": "Nurture  groups"})
    client.get(SEARCH, {"q": "nurture groups"})
    client.get(SEARCH, {"q": "nurture groups", "page": "1"})
    assert QueryDailyHits.objects.get(query__query_string="nurture groups").hits == 3


def test_ten_results_a_page_and_pagination_keeps_the_query_and_kind(client, site):
    _home, library = site
    for number in range(12):
        ResourcePageFactory(parent=library, title=f"Inclusion resource {number}")
    first = client.get(SEARCH, {"q": "inclusion", "kind": "resources"})
    assert len(result_titles(first)) == 10
    next_link = soup_of(first).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?q=inclusion&kind=resources&page=2"
    assert len(result_titles(client.get(SEARCH + next_link))) == 2


@pytest.mark.parametrize("page", ["abc", "0", "2.5"])
def test_a_page_number_that_is_not_a_number_is_a_404(client, site, page):
    assert client.get(SEARCH, {"q": "nurture", "page": page}).status_code == 404


def test_a_page_past_the_end_gives_the_last_page(client, site):
    response = client.get(SEARCH, {"q": "nurture", "page": "99999"})
    assert response.status_code == 200 and len(result_titles(response)) == 3


def test_an_empty_query_shows_the_browse_state(client, site):
    response = client.get(SEARCH, {"q": "   "})
    assert response.status_code == 200
    soup = soup_of(response)
    assert not soup.select(".search-results") and not soup.select("[role=status]")
    assert soup.select_one("main a[href='/en/resources/']").get_text(strip=True) == "Browse the resource library"
    assert not Query.objects.exists(), "an empty search is not a hit"


def test_no_results_says_so_suggests_removing_filters_and_links_to_the_library(client, site):
    response = client.get(SEARCH, {"q": "zyzzyva", "kind": "resources"})
    notice = soup_of(response).select_one(".notice")
    assert "No results for “zyzzyva”." in notice.get_text()
    assert notice.select_one("a[href='?q=zyzzyva']").get_text(strip=True) == "Remove the filters and search everything"
    assert notice.select_one("a[href='/en/resources/']")


def test_result_pages_are_noindex_but_described_for_anyone_sharing_them(client, site):
    for params in ({"q": "nurture"}, {"q": ""}, {"q": "zyzzyva"}):
        soup = soup_of(client.get(SEARCH, params))
        assert soup.select_one("meta[name=robots]")["content"] == "noindex, follow"
        assert soup.select_one("meta[name=description]")["content"].startswith("Search Changing Tracks for toolkits")


def test_a_long_query_is_cut_to_a_sane_length(client, site):
    response = client.get(SEARCH, {"q": "nurture " * 250})
    assert response.status_code == 200
    shown = soup_of(response).select_one("#search-page-query")["value"]
    assert shown == " ".join(["nurture"] * 12)
    assert len(client.get(SEARCH, {"q": "n" * 2000}).context["search_query"]) == 200


STRANGE = [
    '"nurture groups"',
    "'nurture",
    "title:nurture",
    "nurture:*",
    "&|!():*<>",
    "nurture & | ! ( ) : * < >",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "\\",
    "%",
    "🎵 música ñ",
    "-",
    "NEAR(a b)",
    "a AND OR NOT b",
]


@pytest.mark.parametrize("query", STRANGE)
def test_strange_characters_never_give_a_500(client, site, query):
    assert client.get(SEARCH, {"q": query}).status_code == 200
    assert client.get(SEARCH, {"q": query, "kind": query}).status_code == 200
    assert client.get(AUTOCOMPLETE, {"q": query}).status_code == 200


def test_punctuation_around_words_still_finds_them(client, site):
    assert "Nurture groups toolkit" in result_titles(client.get(SEARCH, {"q": '"nurture groups" toolkit!'}))


@pytest.mark.parametrize("url", [SEARCH, AUTOCOMPLETE])
def test_a_nul_byte_is_a_400(client, site, url):
    assert client.get(url, {"q": "nurture\x00"}).status_code == 400
    assert client.get(url, {"q": "nurture", "kind": "\x00"}).status_code == 400


def test_autocomplete_returns_titles_starting_with_the_words_typed(client, site):
    data = client.get(AUTOCOMPLETE, {"q": "nur"}).json()
    assert data["query"] == "nur"
    assert sorted(item["title"] for item in data["results"]) == ["Nurture groups film", "Nurture groups toolkit"]
    toolkit = next(item for item in data["results"] if item["title"] == "Nurture groups toolkit")
    assert toolkit == {
        "title": "Nurture groups toolkit",
        "url": "/en/resources/nurture-groups-toolkit/",
        "kind": "Resource",
    }
    assert [item["title"] for item in client.get(AUTOCOMPLETE, {"q": "nurture groups t"}).json()["results"]] == [
        "Nurture groups toolkit"
    ]
    assert client.get(AUTOCOMPLETE, {"q": "n"}).json()["results"] == [], "one letter is too short to suggest"
    assert client.get(AUTOCOMPLETE, {"q": "research"}).json()["results"][0]["title"] == "Action research"


def test_search_and_suggestions_only_cover_the_visitors_language(client, site):
    home, _library = site
    welsh = Locale.objects.create(language_code="cy")
    welsh_home = home.copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    ProgrammePageFactory(parent=welsh_home, title="Nurture groups in Welsh", locale=welsh)
    assert "Nurture groups in Welsh" not in result_titles(client.get(SEARCH, {"q": "nurture"}))
    titles = [item["title"] for item in client.get(AUTOCOMPLETE, {"q": "nurture"}).json()["results"]]
    assert "Nurture groups in Welsh" not in titles


def test_unpublished_pages_are_not_found(client, site):
    home, _library = site
    draft = home.get_children().get(title="Action research")
    draft.unpublish()
    assert "Action research" not in result_titles(client.get(SEARCH, {"q": "nurture"}))


@pytest.mark.parametrize("size", [12, 120])
def test_search_query_count_is_the_same_at_12_and_120_resources(
    client, site, django_assert_num_queries, django_assert_max_num_queries, size
):
    _home, library = site
    kinds = [ResourceTypeFactory(name=name) for name in ("Report", "Guide")]
    for number in range(size):
        ResourcePageFactory(parent=library, title=f"Inclusion report {number}", resource_type=kinds[number % 2])
    # Today's hit exists from now on; the menu, the footer and the matches (ranked in one query, read for
    # the counts by kind too) are cached until the content changes.
    client.get(SEARCH, {"q": "inclusion"})
    # Every search: the view restrictions, the library's link, the promotions, the page of results with
    # their types, and today's hit (recorded for a first page only).
    for _repeat in range(2):
        with django_assert_num_queries(7):
            first_page = result_titles(client.get(SEARCH, {"q": "inclusion"}))
        assert len(first_page) == 10
    # The next page: no hit, and a query for each type of page on it (its last has the home page).
    with django_assert_max_num_queries(7):
        second_page = result_titles(client.get(SEARCH, {"q": "inclusion", "page": 2}))
    assert second_page and not set(second_page) & set(first_page)


def test_the_sites_search_backend_finds_and_ranks_as_wagtails_own(site):
    """search.backend changes how PostgreSQL runs a search, never what it finds or in which order."""
    _home, library = site
    for number in range(1, 6):
        ResourcePageFactory(
            parent=library,
            title=f"Resource {number}: " + "nurture groups " * (number % 3),
            summary=" ".join(["Nurture groups with schools."] * number + ["Singing in primary schools."]),
        )
    pages = Page.objects.live()
    wagtails = database_search_backend({})
    for query in ("nurture", "nurture groups schools", "singing", "nothing like it"):
        expected = [page.pk for page in wagtails.search(query, pages, operator="and")]
        assert [pk for pk, _content_type in ranked_matches(pages, query)] == expected
        suggested = [page.pk for page in get_search_backend().autocomplete(query[:7], pages)]
        assert suggested == [page.pk for page in wagtails.autocomplete(query[:7], pages)]
    assert len(ranked_matches(pages, "nurture")) == 8  # the site's three and these five
    assert not ranked_matches(pages, "-")  # no word to search for finds nothing


def test_a_repeated_search_shows_pages_published_or_unpublished_since(client, site):
    """A search shows what is published now, whatever was searched before."""
    _home, library = site
    before = result_titles(client.get(SEARCH, {"q": "nurture"}))
    new = ResourcePageFactory(parent=library, title="Nurture groups: a second look", summary="Nurture groups again.")
    response = client.get(SEARCH, {"q": "nurture"})
    assert sorted(result_titles(response)) == sorted([*before, "Nurture groups: a second look"])
    assert f"{len(before) + 1} results" in soup_of(response).get_text(" ", strip=True)
    new.unpublish()
    assert result_titles(client.get(SEARCH, {"q": "nurture"})) == before
