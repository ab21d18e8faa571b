"""Every public page in at most ten SQL queries, the same number with five times the content.

Each page is measured uncached (no full-page cache) after a warm-up request, so
the fragments (menu, footer, breadcrumbs, language links, cards) come from the
cache, as they do on a running site; and again as the first request after a
publish, when they are all built afresh.
"""

import datetime

import pytest

from blog.models import BlogPageMentionedPartner, BlogPageRelatedResource
from caching import version
from core.demo import translate
from partners.models import PartnerRoleKind
from resources.models import RelatedResource, ResourceAuthoringPartner
from tests.factories import (
    AudienceFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    EnquiryFormPageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PartnerRoleFactory,
    PersonFactory,
    ProgrammePageFactory,
    RegionFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
)

# Queries per page, (on a typical request, on the first request after a publish).
#
# A typical request finds in the cache (core.fragments) its site and home page, the page its path
# leads to, the menu, footer, breadcrumbs and language links, its metadata and body, the rest of a
# resource, partner or post, a listing's filter form and the markup of its cards. A publish starts
# a new content generation, so the next request builds all of those afresh (routing alone is one
# query for the pages along the path and one for the page itself); that count must not grow with
# the content either.
QUERIES = {
    # After a publish the home page's sections load: three resources, the blog and its three posts with
    # their images and authors, and the partner directory with its count.
    "home": (0, 20),
    "programme page": (0, 12),
    "programme page in a section": (0, 12),
    "enquiry form": (1, 13),  # its form fields
    # A listing's counts and the ids on each page of it are cached like its cards (tests/test_library.py
    # counts a first view of a set of filters).
    "library": (0, 22),  # after a publish: the cards' images and their renditions
    "library with three filters and a keyword": (0, 22),
    "resource": (0, 19),  # after a publish: related resources, authors, its taxonomy in one query, downloads...
    # Search repeated (its promotions, ranked matches and results are cached; tests/test_search.py
    # counts a first search): today's hit. The first after a publish loads each result type's own fields.
    "search for one word": (1, 14),
    "search for three words": (1, 14),
    "partner directory": (0, 18),
    "partner directory with filters": (0, 18),
    "partner": (0, 17),
    "blog index": (0, 20),
    "blog index by tag": (0, 20),
    "blog post": (0, 18),
    "enews sign-up": (0, 8),
    # Wagtail finds the home page's translation: more queries in any language but the default.
    "Welsh home": (2, 17),
    "Welsh programme page": (2, 16),
}

WELSH = {
    "Changing Tracks": "Changing Tracks",
    "Peer support, training and research for inclusive music services.": "Cymorth, hyfforddiant ac ymchwil.",
    "Helping music services embed equality, diversity and inclusion.": "Helpu gwasanaethau cerdd.",
    "About": "Amdanom",
    "An opening paragraph in plain English.": "Paragraff agoriadol.",
}


def build_site(home_page, size):
    """A site with size menu pages, resources, partners and posts, each with the relations its page shows."""
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    translate(home_page, "cy", WELSH)
    translate(about, "cy", WELSH)
    statement = ProgrammePageFactory(parent=about, title="Accessibility statement", slug="accessibility")
    for number in range(size):
        ProgrammePageFactory(parent=home_page, title=f"Section {number}")
    enquiry = EnquiryFormPageFactory(parent=home_page)

    kinds = [ResourceTypeFactory(name=name) for name in ("Toolkit", "Report")]
    topics = [TopicFactory(name=name) for name in ("SEND", "Funding", "Youth voice")]
    regions = [RegionFactory(name=name) for name in ("London", "Wales")]
    audiences = [AudienceFactory(name="Schools")]
    images = [ImageFactory(), ImageFactory()]

    directory = PartnerIndexPageFactory(parent=home_page)
    partners = []
    for number in range(size):
        partner = PartnerPageFactory(
            parent=directory, title=f"Music service {number}", region=regions[number % 2], logo=images[number % 2]
        )
        PartnerRoleFactory(page=partner, role=PartnerRoleKind.ACTION_RESEARCH_PARTNER, start_year=2018 + number % 3)
        PartnerRoleFactory(page=partner, role=PartnerRoleKind.NWG_MEMBER, start_year=2021)
        partners.append(partner)

    # An intro without "reports", which PostgreSQL's stemming would find for "report".
    library = ResourceIndexPageFactory(parent=home_page, intro="Toolkits and case studies from the action research.")
    resources = []
    for number in range(size):
        resources.append(
            ResourcePageFactory(
                parent=library,
                title=f"Inclusion report {number}",
                resource_type=kinds[number % 2],
                topics=topics[: number % 3 + 1],
                regions=regions,
                audiences=audiences,
                listing_image=images[number % 2],
                heard_holistic=number % 2 == 0,
                publication_date=datetime.date(2018 + number % 5, 1, 1),
                authoring_partners=[ResourceAuthoringPartner(partner=partners[number], name="")],
                related_resources=[RelatedResource(resource=resource) for resource in resources[-3:]],
            )
        )

    blog = BlogIndexPageFactory(parent=home_page)
    people = [PersonFactory(), PersonFactory()]
    posts = []
    for number in range(size):
        post = BlogPageFactory(
            parent=blog,
            date=datetime.date(2025, 1, 1) - datetime.timedelta(days=number * 40),
            hero_image=images[number % 2],
            tags=[f"Tag {number % 4}", "Inclusion"],
            authors=people[: 1 + number % 2],
        )
        BlogPageRelatedResource.objects.create(page=post, resource=resources[number], sort_order=0)
        BlogPageMentionedPartner.objects.create(page=post, partner=partners[number], sort_order=0)
        posts.append(post)

    return {
        "home": "/en/",
        "programme page": about.url,
        "programme page in a section": statement.url,
        "enquiry form": enquiry.url,
        "library": library.url,
        "library with three filters and a keyword": library.url + "?topic=send&region=london&type=toolkit&q=inclusion",
        "resource": resources[-1].url,
        "search for one word": "/en/search/?q=report",
        "search for three words": "/en/search/?q=inclusion+report+music",
        "partner directory": directory.url,
        "partner directory with filters": directory.url + "?role=nwg-member&region=london&year=2019",
        "partner": partners[-1].url,
        "blog index": blog.url,
        "blog index by tag": blog.url + "?tag=inclusion",
        "blog post": posts[-1].url,
        "enews sign-up": "/en/enews/",
        "Welsh home": "/cy/",
        "Welsh programme page": "/cy/about/",
    }


@pytest.mark.parametrize("size", [3, 15])
def test_every_public_page_takes_the_same_few_queries_at_any_size(client, home_page, django_assert_num_queries, size):
    pages = build_site(home_page, size)
    assert set(pages) == set(QUERIES)
    for name, url in pages.items():
        typical, after_a_publish = QUERIES[name]
        assert client.get(url).status_code == 200, name  # warm-up: fragments, renditions, Wagtail's caches
        with django_assert_num_queries(typical, info=name):
            assert client.get(url).status_code == 200, name
        version.new_content_version()
        with django_assert_num_queries(after_a_publish, info=f"{name}, first after a publish"):
            assert client.get(url).status_code == 200, name


def test_a_missing_page_takes_few_queries(client, home_page, django_assert_num_queries):
    build_site(home_page, 3)
    client.get("/en/no-such-page/")
    with django_assert_num_queries(2):  # routing, then Wagtail's redirects lookup
        assert client.get("/en/no-such-page/").status_code == 404
