"""Page types: where they may live, and how they render."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from blog.models import BlogIndexPage
from home.models import EnquiryFormPage, HomePage, ProgrammePage
from partners.models import PartnerIndexPage
from resources.models import ResourceIndexPage
from tests.factories import ImageFactory, ProgrammePageFactory

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
        EnquiryFormPage,
    ]


def h1_texts(response):
    return [h1.get_text(strip=True) for h1 in BeautifulSoup(response.content, "html.parser").find_all("h1")]


def test_home_page_renders_with_one_h1_and_landmarks(client, home_page):
    home_page.hero_image = ImageFactory(description="Five coloured tracks side by side")
    home_page.body = [("heard_principles", {"heading": "Making sure music is HEARD", "intro": ""})]
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
    with django_assert_num_queries(0):  # the site with its home page, menu, footer and switcher are cached
        response = client.get("/en/")
    assert len(BeautifulSoup(response.content, "html.parser").select("nav[aria-label=Main] li")) == menu_pages + 1
