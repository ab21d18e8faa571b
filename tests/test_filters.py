"""Listing filters declared once (core.filters): the library, the directory, the blog and search
read their query strings the same way, so a bad value is handled the same way on each."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.db.models import Q

from core.filters import Filter, FilterSet
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicFactory,
)

SEARCH = "/en/search/"

# (listing, parameter, a valid value, the chip that value shows)
LISTINGS = [
    ("library", "topic", "send", "Topic: SEND"),
    ("directory", "kind", "music-service", "Kind of organisation: Music service"),
    ("blog", "category", "news", "News"),
    ("search", "kind", "resources", "Resources"),
]


@pytest.fixture
def addresses(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=library, title="SEND toolkit", topics=[TopicFactory(name="SEND", slug="send")])
    directory = PartnerIndexPageFactory(parent=home_page)
    PartnerPageFactory(parent=directory, title="Hull music service")
    blog = BlogIndexPageFactory(parent=home_page)
    BlogPageFactory(parent=blog, title="News of the toolkit", category="news")
    return {"library": library.url, "directory": directory.url, "blog": blog.url, "search": SEARCH}


def get(client, addresses, listing, **query):
    if listing == "search":
        query["q"] = "toolkit"
    return client.get(addresses[listing], query)


def chips(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [chip.get_text(" ", strip=True).removesuffix(" × (remove this filter)") for chip in soup.select(".chip")]


@pytest.mark.django_db
@pytest.mark.parametrize(("listing", "name", "valid", "chip"), LISTINGS, ids=[case[0] for case in LISTINGS])
def test_an_unknown_value_is_dropped_quietly_on_every_listing(client, addresses, listing, name, valid, chip):
    unfiltered = get(client, addresses, listing)
    response = get(client, addresses, listing, **{name: "no-such-value"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert chips(response) == [], "an unknown value is not shown as chosen"
    assert not soup.select(".error-summary, [aria-invalid]"), "nor as an error the visitor must fix"
    assert "no-such-value" not in " ".join(link["href"] for link in soup.select("main a[href]"))
    results = BeautifulSoup(unfiltered.content, "html.parser").select("main li")
    assert len(soup.select("main li")) == len(results), "the listing is shown as if the value were not there"

    assert chips(get(client, addresses, listing, **{name: valid})) == [chip]


def shapes():
    """A made-up listing: a multiple choice, a single choice and a typed year."""
    return [
        Filter("colour", "Colour", lambda values: Q(colour__in=values), choices=[("red", "Red"), ("blue", "Blue")]),
        Filter("size", "Size", lambda values: Q(size__in=values), choices=[("s", "Small")], multiple=False),
        Filter(
            "year",
            "Year",
            lambda years: Q(year=int(years[0])),
            field=lambda: forms.IntegerField(required=False, label="Year", min_value=2000),
        ),
    ]


def test_a_typed_value_that_is_not_valid_is_ignored_with_its_error_and_the_rest_apply():
    filters = FilterSet({"colour": ["blue", "green", "red"], "size": "xl", "year": "nineteen"}, shapes())
    assert filters.cleaned == {"colour": ["red", "blue"]}, "in the choices' order, unknown ones dropped"
    assert list(filters.form.errors) == ["year"], "only a typed value is an error, shown beside its field"
    assert filters.form["year"].value() == "nineteen", "kept as typed, for the visitor to correct"


def test_chips_and_links_keep_the_valid_choices_in_one_order():
    filters = FilterSet({"year": "2020", "colour": ["blue", "red"], "size": "s"}, shapes())
    assert filters.chips == [
        ("Colour: Red", "?colour=blue&size=s&year=2020"),
        ("Colour: Blue", "?colour=red&size=s&year=2020"),
        ("Size: Small", "?colour=red&colour=blue&year=2020"),
        ("Year: 2020", "?colour=red&colour=blue&size=s"),
    ]
    assert filters.url(colour=[], size=None, year=None) == "?", "nothing chosen: the listing itself"
    bare = FilterSet({"size": "s"}, shapes(), chips_name_the_filter=False)
    assert bare.chips == [("Small", "?")]


def test_conditions_combine_with_and_across_filters_and_or_within_one():
    filters = FilterSet({"colour": ["red", "blue"], "year": "2020"}, shapes())
    colour, _size, year = shapes()
    assert filters.condition(colour) == Q(colour__in=["red", "blue"])
    assert filters.condition(year) == Q(year=2020)
    assert filters.condition(_size) is None
