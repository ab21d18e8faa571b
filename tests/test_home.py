"""Page types: where they may live, and how they render."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from blog.models import BlogIndexPage
from events.models import EventIndexPage
from home.models import EnquiryFormPage, HomePage, HomePageFeaturedResource, ProgrammePage
from partners.models import PartnerIndexPage
from resources.models import ResourceIndexPage
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    EnquiryFormPageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_lives_only_at_the_root_and_once(home_page):
    root = Page.get_first_root_node()
    assert not HomePage.can_create_at(root), "a second home page under the same root"
    assert not HomePage.can_create_at(home_page)
    assert HomePage.can_exist_under(root)


def test_programme_pages_live_under_home_or_other_programme_pages(home_page, programme_page):
    root = Page.get_first_root_node()
    assert ProgrammePage.can_create_at(home_page)
    assert ProgrammePage.can_create_at(programme_page)
    assert not ProgrammePage.can_create_at(root)
    assert HomePage.allowed_subpage_models() == [
        ProgrammePage,
        ResourceIndexPage,
        PartnerIndexPage,
        BlogIndexPage,
        EventIndexPage,
        EnquiryFormPage,
    ]


def h1_texts(response):
    return [h1.get_text(strip=True) for h1 in BeautifulSoup(response.content, "html.parser").find_all("h1")]


def test_home_page_renders_with_one_h1_and_landmarks(client, home_page):
    home_page.hero_image = ImageFactory(description="Five coloured tracks side by side")
    home_page.save()
    response = client.get("/en/")
    assert response.status_code == 200
    assert h1_texts(response) == ["Changing Tracks"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en-GB" and soup.html["dir"] == "ltr"
    assert soup.select_one("a.skip-link")["href"] == "#main-content"
    assert soup.select_one("main#main-content") and soup.select_one("header") and soup.select_one("footer")
    assert soup.select_one(".hero img")["alt"] == "Five coloured tracks side by side"
    names = [item.select_one(".heard__name").get_text(strip=True) for item in soup.select(".heard__item")]
    assert names == ["Holistic", "Equitable", "Authentic", "Representative", "Diverse"]


def test_programme_page_renders_every_block_with_one_h1(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page,
        title="Action research",
        body=[
            ("heading", {"text": "Research as a catalyst", "level": "h3"}),
            ("paragraph", "<p>We fund music services to <b>test</b> approaches.</p>"),
            (
                "image",
                {"image": ImageFactory(), "alt_text": "A nurture group session", "decorative": False, "caption": ""},
            ),
            ("quote", {"quote": "It changed who we reach.", "attribution": "A hub lead"}),
            (
                "call_to_action",
                {
                    "heading": "Can we help?",
                    "text": "",
                    "button_label": "Ask us",
                    "link": {"page": home_page, "url": ""},
                },
            ),
            ("embed", {"url": "https://youtu.be/jNQXAC9IVRw", "title": "Nurture groups in Hull", "transcript": ""}),
            ("heard_principles", {"heading": "HEARD", "intro": ""}),
        ],
    )
    response = client.get(page.url)
    assert h1_texts(response) == ["Action research"]
    soup = BeautifulSoup(response.content, "html.parser")
    body = soup.select_one("main")
    assert body.select_one("h3").get_text(strip=True) == "Research as a catalyst"
    assert body.select_one(".rich-text b").get_text() == "test"
    assert body.select_one("figure img")["alt"] == "A nurture group session"
    assert body.select_one("blockquote").get_text(strip=True) == "It changed who we reach."
    assert body.select_one(".call-to-action a.button")["href"] == "/en/"
    embed = body.select_one("[data-video-embed]")
    assert embed["data-src"] == "https://www.youtube-nocookie.com/embed/jNQXAC9IVRw"
    assert not body.select("iframe"), "the video must not load until the visitor asks"
    assert len(body.select(".heard__item")) == 5


def test_unknown_url_gives_the_404_page_with_a_way_home(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Page not found"
    assert soup.select_one('main a[href="/en/"]')


def test_root_redirects_to_the_language_prefix(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("menu_pages", [3, 12])
def test_home_page_query_count_stays_the_same_as_the_menu_grows(
    client, home_page, django_assert_num_queries, menu_pages
):
    for number in range(menu_pages):
        ProgrammePageFactory(parent=home_page, title=f"Section {number}")
    client.get("/en/")  # warm Wagtail's per-process caches (content types, site root paths)
    # The menu, footer and language links are cached; the site, the home page and its sections are not.
    with django_assert_num_queries(9):
        response = client.get("/en/")
    assert len(BeautifulSoup(response.content, "html.parser").select("nav[aria-label=Main] li")) == menu_pages + 1


def home_sections(home_page, **changes):
    for name, value in changes.items():
        setattr(home_page, name, value)
    home_page.save_revision().publish()
    soup = BeautifulSoup(Client().get("/en/").content, "html.parser")
    return {section.h2.get_text(strip=True): section for section in soup.select("main section")}


@pytest.fixture
def full_site(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    resources = [
        ResourcePageFactory(parent=library, title=f"Toolkit {year}", publication_date=datetime.date(year, 1, 1))
        for year in range(2018, 2024)
    ]
    blog = BlogIndexPageFactory(parent=home_page)
    for day in range(1, 5):
        BlogPageFactory(parent=blog, title=f"Post of {day} May", date=datetime.date(2024, 5, day))
    directory = PartnerIndexPageFactory(parent=home_page)
    for _ in range(4):
        PartnerPageFactory(parent=directory)
    EnquiryFormPageFactory(parent=home_page)
    return resources


def test_home_page_shows_every_section_with_newest_resources_and_posts(home_page, full_site):
    sections = home_sections(home_page)
    assert list(sections) == [
        "Featured resources",
        "Making sure young people's music is HEARD",
        "Latest from the blog",
        "Our partners",
        "Can we help you?",
    ]
    titles = [a.get_text(strip=True) for a in sections["Featured resources"].select(".card__title a")]
    assert titles == ["Toolkit 2023", "Toolkit 2022", "Toolkit 2021"]
    posts = [a.get_text(strip=True) for a in sections["Latest from the blog"].select(".card__title a")]
    assert posts == ["Post of 4 May", "Post of 3 May", "Post of 2 May"]
    partners = sections["Our partners"]
    assert "4 music services and hubs work with us." in partners.get_text(" ", strip=True)
    assert partners.select_one("a.button")["href"] == "/en/partners/"
    assert sections["Can we help you?"].select_one("a.button")["href"] == "/en/can-we-help-you/"


def test_editors_choose_the_featured_resources_and_their_order(home_page, full_site):
    oldest, second = full_site[0], full_site[1]
    home_page.featured_resources = [
        HomePageFeaturedResource(resource=second, sort_order=0),
        HomePageFeaturedResource(resource=oldest, sort_order=1),
    ]
    sections = home_sections(home_page, featured_resources_heading="Start here")
    titles = [a.get_text(strip=True) for a in sections["Start here"].select(".card__title a")]
    assert titles == ["Toolkit 2019", "Toolkit 2018"]


def test_editors_can_leave_out_each_section(home_page, full_site):
    sections = home_sections(
        home_page,
        show_featured_resources=False,
        show_latest_posts=False,
        show_partners=False,
        show_heard_principles=False,
        show_help=False,
    )
    assert list(sections) == []


def test_every_section_field_has_help_text():
    fields = [field for field in HomePage._meta.get_fields() if field.name.startswith(("show_", "help_"))]
    fields += [HomePage._meta.get_field(name) for name in ("featured_resources_heading", "latest_posts_heading")]
    assert len(fields) >= 8
    assert [field.name for field in fields if not field.help_text] == []


def test_header_and_footer_link_to_the_enquiry_form(client, home_page, full_site):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert soup.select_one("header .site-header__help")["href"] == "/en/can-we-help-you/"
    assert soup.select_one("footer a.site-footer__help")["href"] == "/en/can-we-help-you/"


def test_the_menu_uses_the_short_menu_label_or_else_the_title(client, home_page):
    ProgrammePageFactory(
        parent=home_page,
        title="National Music Services Working Group for Inclusion",
        menu_label="Working group",
        show_in_menus=True,
    )
    ProgrammePageFactory(parent=home_page, title="Training", show_in_menus=True)
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select("nav[aria-label=Main] a")] == [
        "Home",
        "Working group",
        "Training",
    ]
