"""The resource library page: filters that combine, counts that keep their promise, and no 500s."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from resources.models import ResourceIndexPage, ResourcePage
from taxonomy.models import ResourceType, Topic
from tests.factories import (
    AudienceFactory,
    RegionFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def catalogue(library):
    """Six resources with known types, topics, principles, audiences, regions and years."""
    toolkit, report = ResourceTypeFactory(name="Toolkit"), ResourceTypeFactory(name="Report")
    nurture, send, funding = (
        TopicFactory(name="Nurture groups"),
        TopicFactory(name="SEND"),
        TopicFactory(name="Funding"),
    )
    leaders, schools = AudienceFactory(name="Leaders"), AudienceFactory(name="Schools")
    east, london = RegionFactory(name="East of England"), RegionFactory(name="London")
    rows = [
        # title, type, topics, principles, audiences, regions, year
        ("Nurture toolkit", toolkit, [nurture, send], ["holistic"], [schools], [east], 2023),
        ("Nurture report", report, [nurture], ["holistic", "equitable"], [leaders], [east, london], 2022),
        ("SEND toolkit", toolkit, [send], ["equitable"], [schools], [london], 2022),
        ("Funding report", report, [funding], ["diverse"], [leaders], [], 2021),
        ("Funding toolkit", toolkit, [funding, nurture], ["authentic"], [leaders, schools], [east], 2021),
        ("Untagged report", report, [], [], [], [], 2020),
    ]
    for title, kind, topics, principles, audiences, regions, year in rows:
        ResourcePageFactory(
            parent=library,
            title=title,
            resource_type=kind,
            topics=topics,
            audiences=audiences,
            regions=regions,
            publication_date=datetime.date(year, 6, 1),
            **{f"heard_{slug}": True for slug in principles},
        )
    return library


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".library__results .card__title a")]


def option_counts(response):
    """{(group, value): (count, checked)} as the filter form shows them."""
    soup = BeautifulSoup(response.content, "html.parser")
    counts = {}
    for box in soup.select(".filters input[type=checkbox]"):
        label = soup.select_one(f"label[for='{box['id']}']")
        count = int(label.select_one(".filters__count").get_text(strip=True).strip("()"))
        counts[(box["name"], box["value"])] = (count, box.has_attr("checked"))
    return counts


def test_library_lives_once_under_each_home_page(home_page, library):
    assert not ResourceIndexPage.can_create_at(home_page), "a second library under the same home page"
    assert ResourcePage.can_create_at(library)
    assert not ResourcePage.can_create_at(home_page)


def test_library_lists_newest_first_twelve_a_page(client, library):
    for day in range(1, 15):
        ResourcePageFactory(parent=library, title=f"Day {day:02d}", publication_date=datetime.date(2024, 1, day))
    first = client.get(library.url)
    assert titles(first) == [f"Day {day:02d}" for day in range(14, 2, -1)]
    second = client.get(library.url + "?page=2")
    assert titles(second) == ["Day 02", "Day 01"]


def test_filters_combine_and_across_groups_or_within_a_group(client, catalogue):
    # Topic nurture OR send, AND type toolkit, AND region east.
    response = client.get(catalogue.url + "?topic=nurture-groups&topic=send&type=toolkit&region=east-of-england")
    assert sorted(titles(response)) == ["Funding toolkit", "Nurture toolkit"]
    response = client.get(catalogue.url + "?principle=holistic&principle=diverse&year=2022&year=2021")
    assert sorted(titles(response)) == ["Funding report", "Nurture report"]
    response = client.get(catalogue.url + "?audience=schools&audience=leaders&topic=funding")
    assert sorted(titles(response)) == ["Funding report", "Funding toolkit"]


def test_a_resource_with_two_chosen_topics_is_listed_once(client, catalogue):
    response = client.get(catalogue.url + "?topic=nurture-groups&topic=send")
    assert sorted(titles(response)) == ["Funding toolkit", "Nurture report", "Nurture toolkit", "SEND toolkit"]


@pytest.mark.parametrize(
    "query",
    ["", "?type=toolkit", "?topic=nurture-groups&region=london", "?principle=equitable&year=2022", "?q=toolkit"],
)
def test_every_option_count_is_the_number_of_results_it_gives(client, catalogue, query):
    response = client.get(catalogue.url + query)
    counts = option_counts(response)
    assert counts, "the filter form shows options"
    base = catalogue.url + (query or "?")
    for (group, value), (count, _checked) in counts.items():
        # The option as the only choice in its group, every other group as chosen.
        kept = "&".join(part for part in base.split("?", 1)[1].split("&") if part and not part.startswith(group + "="))
        narrowed = client.get(f"{catalogue.url}?{kept}&{group}={value}")
        assert len(titles(narrowed)) == count, (group, value)


def test_counts_and_results_follow_a_publish_or_unpublish_at_once(client, catalogue):
    """A publish or an unpublish shows in the counts and results on the next request."""
    url = catalogue.url + "?topic=send"
    assert option_counts(client.get(url))[("type", "toolkit")] == (2, False)
    new = ResourcePageFactory(
        parent=catalogue,
        title="SEND toolkit, second edition",
        resource_type=ResourceType.objects.get(slug="toolkit"),
        topics=[Topic.objects.get(slug="send")],
    )
    response = client.get(url)
    assert option_counts(response)[("type", "toolkit")] == (3, False)
    assert "SEND toolkit, second edition" in titles(response)
    new.unpublish()
    assert option_counts(client.get(url))[("type", "toolkit")] == (2, False)


def test_an_unknown_slug_is_ignored_and_the_rest_kept(client, catalogue):
    response = client.get(catalogue.url + "?topic=no-such-topic&topic=send&type=nonsense&year=1066&principle=xyz")
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Nurture toolkit", "SEND toolkit"]
    counts = option_counts(response)
    assert counts[("topic", "send")][1] is True
    chips = BeautifulSoup(response.content, "html.parser").select(".chips .chip")
    assert [chip.get_text(" ", strip=True).split(" ×")[0] for chip in chips] == ["Topic: SEND"]


def test_chips_remove_one_choice_and_keep_the_rest(client, catalogue):
    response = client.get(catalogue.url + "?q=toolkit&topic=send&topic=nurture-groups&region=london")
    soup = BeautifulSoup(response.content, "html.parser")
    chips = {chip.get_text(" ", strip=True).split(" ×")[0]: chip["href"] for chip in soup.select(".chips .chip")}
    assert list(chips) == ["Keywords: toolkit", "Topic: Nurture groups", "Topic: SEND", "Region: London"]
    assert chips["Topic: SEND"] == "?q=toolkit&topic=nurture-groups&region=london"
    assert chips["Keywords: toolkit"] == "?topic=nurture-groups&topic=send&region=london"
    assert soup.select_one(".chips__clear")["href"] == catalogue.url


def test_two_or_more_filters_make_the_page_noindex(client, catalogue):
    def robots(query):
        tag = BeautifulSoup(client.get(catalogue.url + query).content, "html.parser").select_one("meta[name=robots]")
        return tag["content"] if tag else None

    assert robots("") is None
    assert robots("?topic=send") is None
    assert robots("?topic=send&topic=funding") == "noindex, follow"
    assert robots("?q=nurture&type=toolkit") == "noindex, follow"


def test_a_single_filter_view_is_its_own_canonical_page(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url + "?topic=send&topic=bogus").content, "html.parser")
    assert soup.select_one("link[rel=canonical]")["href"] == "http://localhost/en/resources/?topic=send"


def test_pagination_keeps_the_filters(client, library):
    toolkit = ResourceTypeFactory(name="Toolkit")
    for number in range(14):
        ResourcePageFactory(parent=library, title=f"Toolkit {number}", resource_type=toolkit)
    ResourcePageFactory(parent=library, title="Not a toolkit")
    response = client.get(library.url + "?type=toolkit&q=toolkit")
    soup = BeautifulSoup(response.content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?type=toolkit&q=toolkit&page=2"
    second = client.get(library.url + next_link)
    assert len(titles(second)) == 2 and "Not a toolkit" not in titles(second)


def test_keyword_box_finds_words_in_the_summary(client, catalogue):
    ResourcePageFactory(parent=catalogue, title="Peer learning", summary="How music services support each other.")
    response = client.get(catalogue.url + "?q=support")
    assert titles(response) == ["Peer learning"]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "٣"])
def test_a_page_number_that_is_not_a_number_is_a_404(client, catalogue, page):
    assert client.get(f"{catalogue.url}?page={page}").status_code == 404


def test_a_page_past_the_end_gives_the_last_page(client, catalogue):
    response = client.get(catalogue.url + "?page=99999")
    assert response.status_code == 200
    assert len(titles(response)) == 6


@pytest.mark.parametrize(
    "keywords",
    ['"nurture groups"', "topic:send", "&|!():*<>", "'; DROP TABLE wagtailcore_page; --", "x" * 2000, "🎵"],
)
def test_strange_keywords_never_give_a_500(client, catalogue, keywords):
    response = client.get(catalogue.url, {"q": keywords})
    assert response.status_code == 200
    assert len(BeautifulSoup(response.content, "html.parser").select_one("#library-keywords")["value"]) <= 200


@pytest.mark.parametrize("params", [{"q": "a\x00b"}, {"topic": "send\x00"}, {"page": "\x00"}])
def test_a_nul_byte_is_a_400(client, catalogue, params):
    assert client.get(catalogue.url, params).status_code == 400


def test_no_results_says_so_and_suggests_removing_filters(client, catalogue):
    response = client.get(catalogue.url + "?type=toolkit&year=2020")
    assert titles(response) == []
    text = BeautifulSoup(response.content, "html.parser").select_one(".library__results").get_text(" ", strip=True)
    assert "0 resources" in text and "Remove a filter" in text


def test_library_lists_only_its_own_language(client, catalogue):
    welsh = Locale.objects.create(language_code="cy")
    TopicFactory(name="Grwpiau meithrin", slug="grwpiau-meithrin", locale=welsh)
    response = client.get(catalogue.url)
    assert ("topic", "grwpiau-meithrin") not in option_counts(response)
    assert ("topic", "send") in option_counts(response)


def test_the_filter_form_has_labels_fieldsets_and_one_h1(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url).content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    legends = [legend.get_text(strip=True) for legend in soup.select("form.filters fieldset legend")]
    assert legends == ["Resource type", "Topic", "HEARD principle", "Audience", "Region", "Year published"]
    for field in soup.select("form.filters input:not([type=hidden])"):
        assert soup.select_one(f"label[for='{field['id']}']"), field
    assert soup.select_one("form.filters")["method"] == "get"
    skip = soup.select_one(".library__intro a[href='#library-results']")
    assert skip.get_text(strip=True) == "Skip the filters and go to the resources"
    assert soup.select_one("#library-results .card-list")


@pytest.mark.parametrize("size", [12, 120])
def test_library_query_count_is_the_same_at_12_and_120_resources(client, library, django_assert_num_queries, size):
    kinds = [ResourceTypeFactory(name=name) for name in ("Toolkit", "Report", "Guide")]
    topics = [TopicFactory(name=name) for name in ("Nurture groups", "SEND", "Funding", "Youth voice")]
    regions = [RegionFactory(name=name) for name in ("London", "Wales")]
    audiences = [AudienceFactory(name="Schools")]
    for number in range(size):
        ResourcePageFactory(
            parent=library,
            resource_type=kinds[number % 3],
            topics=topics[: number % 4 + 1],
            regions=regions[number % 2 :],
            audiences=audiences,
            heard_holistic=number % 2 == 0,
            publication_date=datetime.date(2018 + number % 6, 1, 1),
        )
    url = library.url + "?topic=send&topic=funding&region=london&q=music"
    client.get(library.url + "?topic=send")  # warm Wagtail's per-process caches, the menu, footer and filter choices
    # Each time, with the menu, footer and language links cached: routing, the filter choices, every
    # filter count with the total in one query, the result ids, the results with their types and images.
    for _visit in range(2):
        with django_assert_num_queries(14):
            response = client.get(url)
        assert len(titles(response)) == min(12, size // 4)  # even numbers with topic SEND and London
