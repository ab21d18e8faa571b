"""The blog: where its pages live, the listing with filters and pagination, posts, and the RSS feed."""

import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogIndexPage, BlogPage, BlogPageMentionedPartner, BlogPageRelatedResource
from caching import version
from home.models import HomePage, ProgrammePage
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PersonFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
)

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 30)


@pytest.fixture
def blog(home_page):
    return BlogIndexPageFactory(parent=home_page)


def make_posts(blog, count, **fields):
    """count posts a week apart, the first one newest."""
    return [
        BlogPageFactory(
            parent=blog, title=f"Post {n:03}", slug=f"post-{n:03}", date=TODAY - timedelta(weeks=n), **fields
        )
        for n in range(count)
    ]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card__title a")]


def test_blog_index_lives_once_under_a_home_page_and_holds_only_posts(home_page, blog):
    assert BlogIndexPage in HomePage.allowed_subpage_models()
    assert not BlogIndexPage.can_create_at(home_page), "a second blog under the same home page"
    assert not BlogIndexPage.can_create_at(Page.get_first_root_node())
    assert BlogIndexPage.allowed_subpage_models() == [BlogPage]
    assert BlogPage.can_create_at(blog)
    assert not BlogPage.can_create_at(home_page)
    assert not BlogPage.can_create_at(ProgrammePage(title="x"))


def test_index_lists_posts_newest_first_ten_to_a_page(client, blog):
    make_posts(blog, 12)
    first = client.get(blog.url)
    assert card_titles(first) == [f"Post {n:03}" for n in range(10)]
    assert "12 posts" in soup_of(first).select_one("[role=status]").get_text()
    second = client.get(blog.url + "?page=2")
    assert card_titles(second) == ["Post 010", "Post 011"]
    current = soup_of(second).select_one(".pagination a[aria-current=page]")
    assert current.get_text(" ", strip=True) == "Page 2"


@pytest.mark.parametrize("page,status", [("99", 200), ("abc", 404), ("-1", 404), ("0", 404), ("²", 404)])
def test_a_strange_page_number_gives_the_last_page_or_not_found_never_an_error(client, blog, page, status):
    make_posts(blog, 12)
    response = client.get(blog.url + f"?page={page}")
    assert response.status_code == status
    if status == 200:
        assert card_titles(response) == ["Post 010", "Post 011"]


def test_filters_narrow_the_list_and_pagination_keeps_them(client, blog):
    make_posts(blog, 12, category="nwg-write-up", tags=["NWG"])
    make_posts_in_2024 = [
        BlogPageFactory(parent=blog, title=f"Old news {n}", date=date(2024, 3, 1 + n), category="news")
        for n in range(3)
    ]
    assert len(make_posts_in_2024) == 3

    response = client.get(blog.url + "?category=nwg-write-up&tag=nwg")
    assert len(card_titles(response)) == 10
    assert all(title.startswith("Post") for title in card_titles(response))
    next_link = soup_of(response).select_one(".pagination a[rel=next]")["href"]
    assert parse_qs(urlparse(next_link).query) == {"category": ["nwg-write-up"], "tag": ["nwg"], "page": ["2"]}
    assert card_titles(client.get(blog.url + next_link)) == ["Post 010", "Post 011"]

    by_year = client.get(blog.url + "?year=2024")
    assert sorted(card_titles(by_year)) == ["Old news 0", "Old news 1", "Old news 2"]


def test_filter_form_works_without_javascript_and_shows_removable_chips(client, blog):
    make_posts(blog, 2, category="news", tags=["Nurture groups"])
    soup = soup_of(client.get(blog.url + "?category=news&tag=nurture-groups&page=1"))
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one("fieldset legend").get_text(strip=True) == "Filter posts"
    for name in ("category", "tag", "year"):
        select = form.select_one(f"select[name={name}]")
        assert soup.select_one(f"label[for={select['id']}]"), f"{name} has no label"
    assert form.select_one("select[name=category] option[selected]")["value"] == "news"
    chips = {chip.get_text(" ", strip=True): chip["href"] for chip in soup.select(".chip")}
    assert chips == {
        "News × (remove this filter)": "?tag=nurture-groups",
        "Nurture groups × (remove this filter)": "?category=news",
    }


def test_unknown_filter_values_are_ignored_and_the_rest_kept(client, blog):
    make_posts(blog, 2, category="news", tags=["Nurture groups"])
    BlogPageFactory(parent=blog, title="Untagged", date=TODAY, category="news")
    response = client.get(blog.url + "?category=gossip&tag=nurture-groups&year=not-a-year&page=1")
    assert response.status_code == 200
    assert card_titles(response) == ["Post 000", "Post 001"]
    soup = soup_of(response)
    assert soup.select_one("select[name=tag] option[selected]")["value"] == "nurture-groups"
    assert not soup.select_one("select[name=category] option[selected][value=gossip]")
    assert not soup.select("[aria-invalid]"), "an ignored filter is not an error the visitor must fix"


def test_each_language_lists_only_its_own_posts_and_tags(client, home_page, blog):
    BlogPageFactory(parent=blog, title="Nurture groups", tags=["Nurture groups"])
    welsh = Locale.objects.create(language_code="cy")
    home_page.copy_for_translation(welsh).save_revision().publish()
    welsh_blog = blog.copy_for_translation(welsh)
    welsh_blog.save_revision().publish()
    BlogPageFactory(parent=welsh_blog, title="Grwpiau meithrin", slug="grwpiau-meithrin", tags=["Meithrin"])

    welsh_listing = client.get("/cy/blog/")
    assert card_titles(welsh_listing) == ["Grwpiau meithrin"]
    assert [o["value"] for o in soup_of(welsh_listing).select("select[name=tag] option")] == ["", "meithrin"]
    assert card_titles(client.get("/en/blog/")) == ["Nurture groups"]
    feed = ET.fromstring(client.get("/cy/blog/feed/").content)  # noqa: S314 - our own feed
    assert [item.findtext("title") for item in feed.iter("item")] == ["Grwpiau meithrin"]


def test_tag_and_year_choices_come_from_the_posts_in_this_blog(client, blog):
    BlogPageFactory(parent=blog, date=date(2023, 5, 1), tags=["Youth voice"])
    BlogPageFactory(parent=blog, date=date(2025, 5, 1), tags=["Funding"])
    soup = soup_of(client.get(blog.url))
    assert [o.get_text() for o in soup.select("select[name=tag] option")] == ["All tags", "Funding", "Youth voice"]
    assert [o.get_text() for o in soup.select("select[name=year] option")] == ["All years", "2025", "2023"]


BLOG_INDEX_QUERIES = 13
BLOG_INDEX_QUERIES_AFTER_A_PUBLISH = 19


@pytest.mark.parametrize("count", [10, 100])
def test_index_query_count_does_not_grow_with_the_number_of_posts(client, blog, django_assert_num_queries, count):
    people = [PersonFactory(), PersonFactory()]
    images = [ImageFactory(), ImageFactory()]
    for n in range(count):
        BlogPageFactory(
            parent=blog,
            date=TODAY - timedelta(days=n),
            hero_image=images[n % 2],
            tags=[f"Tag {n % 7}"],
            authors=people[: 1 + n % 2],
        )
    client.get(blog.url + "?tag=tag-1")  # make the image renditions and warm Wagtail's caches
    # With the menu, footer and language links cached (tests/test_query_counts.py): routing, the
    # filter form's tags and years, the count, the page of posts with their images, renditions and
    # authors.
    with django_assert_num_queries(BLOG_INDEX_QUERIES):
        response = client.get(blog.url)
    assert len(card_titles(response)) == 10
    with django_assert_num_queries(BLOG_INDEX_QUERIES):
        response = client.get(blog.url + "?category=news&page=2")
    assert len(card_titles(response)) == 10
    version.new_content_version()  # as after a publish: the menu, footer and language links built afresh
    with django_assert_num_queries(BLOG_INDEX_QUERIES_AFTER_A_PUBLISH):
        assert card_titles(client.get(blog.url + "?category=news&page=2")) == card_titles(response)


def test_post_shows_authors_date_reading_time_and_tags(client, blog):
    author = PersonFactory(name="Changing Tracks team", role="Programme team", bio="We run the programme.")
    words = " ".join(["music"] * 430)
    post = BlogPageFactory(
        parent=blog,
        title="Nurture groups",
        date=date(2025, 3, 4),
        category="programme-update",
        body=[("paragraph", f"<p>{words}</p>")],
        intro="Seventeen music services are developing nurture groups.",
        tags=["Nurture groups"],
        authors=[author],
        hero_image=ImageFactory(description="Pupils playing steel pans"),
    )
    soup = soup_of(client.get(post.url))
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Nurture groups"]
    meta = soup.select_one(".post__meta")
    assert meta.select_one("time")["datetime"] == "2025-03-04"
    assert "4 March 2025" in meta.get_text()
    assert "3 minute read" in meta.get_text(" ", strip=True)  # 438 words at 200 a minute
    assert "Programme update" in meta.get_text()
    assert "Changing Tracks team" in soup.select_one(".post__byline").get_text()
    assert "We run the programme." in soup.select_one(".post__authors").get_text()
    assert soup.select_one(".post__hero img")["alt"] == "Pupils playing steel pans"
    assert soup.select_one(".tag-list a")["href"] == "/en/blog/?tag=nurture-groups"


def test_post_lists_its_live_related_resources_in_the_editors_order(client, home_page, blog):
    library = ResourceIndexPageFactory(parent=home_page)
    toolkit = ResourcePageFactory(
        parent=library, title="Nurture groups toolkit", resource_type=ResourceTypeFactory(name="Toolkit")
    )
    report = ResourcePageFactory(parent=library, title="Findings 2019 to 2020")
    withdrawn = ResourcePageFactory(parent=library, title="Withdrawn guide", live=False)
    post = BlogPageFactory(parent=blog)
    for position, resource in enumerate([report, withdrawn, toolkit]):
        BlogPageRelatedResource.objects.create(page=post, resource=resource, sort_order=position)

    section = soup_of(client.get(post.url)).select_one(".post__resources")
    assert section.h2.get_text(strip=True) == "Related resources"
    links = [(a.get_text(strip=True), a["href"]) for a in section.select(".card__title a")]
    assert links == [("Findings 2019 to 2020", report.url), ("Nurture groups toolkit", toolkit.url)]
    assert "Toolkit" in section.get_text()
    assert [row.page for row in toolkit.blog_mentions.all()] == [post], "a resource can list the posts about it"


def test_a_post_without_related_resources_or_partners_shows_no_empty_section(client, blog):
    post = BlogPageFactory(parent=blog)
    soup = soup_of(client.get(post.url))
    assert not soup.select_one(".post__resources") and not soup.select_one(".post__partners")


def test_post_links_to_the_partners_it_mentions_and_their_profiles_list_it(client, home_page, blog):
    directory = PartnerIndexPageFactory(parent=home_page)
    hull = PartnerPageFactory(parent=directory, title="Hull music service", slug="hull")
    norfolk = PartnerPageFactory(parent=directory, title="Norfolk music service", slug="norfolk")
    gone = PartnerPageFactory(parent=directory, title="Former partner", slug="former", live=False)
    post = BlogPageFactory(parent=blog, title="Nine music services, one question")
    for position, partner in enumerate([norfolk, gone, hull]):
        BlogPageMentionedPartner.objects.create(page=post, partner=partner, sort_order=position)

    section = soup_of(client.get(post.url)).select_one(".post__partners")
    links = [(a.get_text(strip=True), a["href"]) for a in section.select(".card__title a")]
    assert links == [("Norfolk music service", norfolk.url), ("Hull music service", hull.url)]

    profile = soup_of(client.get(hull.url))
    mentions = profile.select_one("#partner-blog").find_parent("section")
    assert [a.get_text(strip=True) for a in mentions.select("a")] == ["Nine music services, one question"]


def test_post_tells_search_engines_and_social_networks_it_is_an_article(client, blog):
    post = BlogPageFactory(
        parent=blog,
        title="Nurture groups",
        date=date(2025, 3, 4),
        intro="Seventeen music services.",
        tags=["NWG"],
        authors=[PersonFactory(name="Changing Tracks team")],
        hero_image=ImageFactory(),
    )
    soup = soup_of(client.get(post.url))
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[property="og:image"]')["content"].startswith("http://localhost/")
    assert soup.select_one('meta[name="description"]')["content"] == "Seventeen music services."
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    posting = data[0] if isinstance(data, list) else data
    assert posting["@type"] == "BlogPosting" and posting["datePublished"] == "2025-03-04"
    assert posting["author"] == [{"@type": "Person", "name": "Changing Tracks team"}]
    assert posting["keywords"] == ["NWG"]


def test_feed_is_valid_rss_with_the_newest_posts_and_absolute_links(client, blog):
    make_posts(blog, 25, tags=["NWG"], authors=[PersonFactory(name="Changing Tracks team")])
    index_soup = soup_of(client.get(blog.url))
    feed_link = index_soup.select_one('head link[rel=alternate][type="application/rss+xml"]')["href"]
    assert feed_link == "http://localhost/en/blog/feed/"

    response = client.get(urlparse(feed_link).path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    assert channel.findtext("link") == "http://localhost/en/blog/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [f"Post {n:03}" for n in range(20)]
    first = items[0]
    assert first.findtext("link") == "http://localhost/en/blog/post-000/"
    assert first.findtext("guid") == first.findtext("link")
    assert [c.text for c in first.findall("category")] == ["News", "NWG"]
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Changing Tracks team"
    assert all(urlparse(item.findtext("link")).scheme == "http" for item in items)


def test_draft_posts_are_neither_listed_nor_in_the_feed(client, blog):
    make_posts(blog, 2)
    draft = BlogPageFactory(parent=blog, title="Draft", date=TODAY + timedelta(days=1), live=False)
    assert "Draft" not in card_titles(client.get(blog.url))
    assert draft.title.encode() not in client.get(blog.url + "feed/").content


def test_people_are_managed_under_the_people_menu(admin_client):
    PersonFactory(name="Changing Tracks team")
    dashboard = admin_client.get(reverse("wagtailadmin_home"))
    assert b"People" in dashboard.content
    listing = admin_client.get(reverse("wagtailsnippets_blog_person:list"))
    assert b"Changing Tracks team" in listing.content


def test_editor_publishes_a_post_with_an_author_tags_a_related_resource_and_a_partner(admin_client, home_page, blog):
    person = PersonFactory(name="Changing Tracks team")
    toolkit = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), title="Nurture groups toolkit")
    hull = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home_page), title="Hull music service")
    data = nested_form_data(
        {
            "title": "Our new action research round",
            "slug": "new-round",
            "date": "2025-05-01",
            "category": "programme-update",
            "intro": "Music services can apply to test an approach to inclusion.",
            "body": streamfield([("paragraph", rich_text("<p>What the fund pays for.</p>"))]),
            "tags": "Action research, Funding",
            "blog_authors": inline_formset([{"person": person.pk}]),
            "related_resources": inline_formset([{"resource": toolkit.pk}]),
            "mentioned_partners": inline_formset([{"partner": hull.pk}]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "blogpage", blog.pk))
    assert admin_client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    preview = soup_of(admin_client.get(preview_url))
    assert "Changing Tracks team" in preview.select_one(".post__byline").get_text()
    assert [a.get_text() for a in preview.select(".tag-list a")] == ["Action research", "Funding"]
    assert not BlogPage.objects.exists(), "a preview must not save the post"

    response = admin_client.post(reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog.pk)), data)
    assert response.status_code == 302
    post = BlogPage.objects.get(slug="new-round")
    assert post.live and sorted(tag.name for tag in post.tags.all()) == ["Action research", "Funding"]
    assert [author.person for author in post.blog_authors.all()] == [person]
    assert [row.resource for row in post.related_resources.all()] == [toolkit]
    assert [row.partner for row in post.mentioned_partners.all()] == [hull]
    assert card_titles(admin_client.get(blog.url)) == ["Our new action research round"]
    for words in ("fund pays", "Funding", "Changing Tracks team", "Hull"):
        search = soup_of(admin_client.get("/en/search/", {"q": words, "kind": "blog"}))
        titles = [a.get_text(strip=True) for a in search.select(".search-results .card__title a")]
        assert titles == ["Our new action research round"], f"no post found for {words!r}"
    meta = " ".join(search.select_one(".search-results .card__meta").get_text().split())
    assert meta == "Blog post · Programme update · 1 May 2025"


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("wagtailadmin_pages:add", ("blog", "blogpage")),
        ("wagtailadmin_pages:add", ("blog", "blogindexpage")),
        ("wagtailsnippets_blog_person:add", ()),
    ],
)
def test_every_field_an_editor_sees_has_help_text(admin_client, home_page, url_name, args):
    if args == ("blog", "blogpage"):
        args = (*args, BlogIndexPageFactory(parent=home_page).pk)
    elif args:
        args = (*args, home_page.pk)
    soup = soup_of(admin_client.get(reverse(url_name, args=args)))
    fields = soup.select("[data-field-wrapper]")
    assert len(fields) >= 4
    for wrapper in fields:
        help_text = wrapper.select_one("[data-field-help]")
        assert help_text and help_text.get_text(strip=True), wrapper.select_one("label").get_text(strip=True)
