"""The Welsh site has no dead ends: every link on it, and every address in the sitemap, leads to a page."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.core.management import call_command
from django.test import Client

from demo.helpers import translate
from tests.factories import BlogIndexPageFactory, BlogPageFactory, ProgrammePageFactory
from tests.test_i18n import HOME_WELSH

pytestmark = pytest.mark.django_db

MAX_PAGES = 80


@pytest.fixture
def welsh_site(home_page):
    """English home, blog and about page; only the home page and one blog post translated into Welsh.

    Translating the post makes wagtail-localize create the Welsh blog index as an alias of the English one.
    """
    blog = BlogIndexPageFactory(parent=home_page, show_in_menus=True)
    post = BlogPageFactory(parent=blog, title="Singing together", intro="Music in every school.")
    post.save_revision().publish()
    ProgrammePageFactory(parent=home_page, title="About us", slug="about", intro="Who we are.", show_in_menus=True)
    translate(home_page, "cy", HOME_WELSH)
    welsh_post = translate(post, "cy", {"Singing together": "Canu gyda'n gilydd", "Music in every school.": "Cerdd."})
    return welsh_post


def internal_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for link in soup.select("a[href]"):
        parts = urlsplit(link["href"])
        if not parts.netloc and parts.path.startswith("/") and not parts.path.startswith(("/admin", "/documents")):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start):
    """Every internal address reached by following links from start (Welsh pages' links are followed,
    other languages' pages are only visited); returns (seen, the addresses that gave 404)."""
    seen, queue, broken = set(), list(start), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code == 404:
            broken.append(url)
            continue
        if url.startswith("/cy/") and "search" not in url:
            queue += [link for link in internal_links(response) if link not in seen]
    return seen, broken


def test_every_link_on_the_welsh_site_leads_to_a_page(client, welsh_site):
    assert client.get("/cy/blog/singing-together/").status_code == 200
    seen, broken = crawl(client, ["/cy/", "/cy/blog/singing-together/"])
    assert not broken, broken
    assert "/cy/blog/singing-together/" in seen


def test_every_link_on_the_welsh_demo_site_leads_to_a_page(client):
    call_command("load_demo_content", stdout=StringIO())
    seen, broken = crawl(client, ["/cy/"])
    assert not broken, broken
    assert {"/cy/", "/cy/about/"} <= seen


def test_the_sitemap_lists_no_page_that_is_not_served(client, welsh_site):
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    locations = [urlsplit(node.text).path for node in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "/cy/blog/singing-together/" in locations
    assert "/cy/blog/" not in locations
    for path in locations:
        assert client.get(path).status_code == 200, path


def test_the_welsh_breadcrumb_links_an_untranslated_parent_in_english(client, welsh_site):
    soup = BeautifulSoup(client.get("/cy/blog/singing-together/").content, "html.parser")
    parent = soup.select(".breadcrumbs a")[1]
    assert parent["href"] == "/en/blog/"
    assert parent["hreflang"] == "en-GB" and parent["lang"] == "en-GB"
    assert parent.get_text(" ", strip=True) == "Blog (yn Saesneg)"


def test_the_welsh_menu_leaves_out_sections_with_no_welsh_page(client, welsh_site):
    soup = BeautifulSoup(client.get("/cy/").content, "html.parser")
    assert "/cy/blog/" not in [a["href"] for a in soup.select("a[href]")]


def test_a_page_not_found_under_cy_is_in_welsh(client, welsh_site):
    response = client.get("/cy/dim-tudalen/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "cy"
    assert soup.h1.get_text(strip=True) == "Heb ddod o hyd i'r dudalen"


def test_a_server_error_under_cy_is_in_welsh(welsh_site, monkeypatch):
    def broken(request):
        raise RuntimeError("the menu failed")

    monkeypatch.setattr("navigation.templatetags.navigation_tags.menu_links", broken)
    response = Client(raise_request_exception=False).get("/cy/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "cy"
    assert soup.h1.get_text(strip=True) == "Mae'n ddrwg gennym, aeth rhywbeth o'i le"


def test_a_welsh_posts_links_to_the_english_blog_say_they_lead_to_english(client, welsh_site):
    soup = BeautifulSoup(client.get("/cy/blog/singing-together/").content, "html.parser")
    category = soup.select_one(".post__meta a[href*='?category=']")
    assert category["href"].startswith("/en/blog/")
    assert category["hreflang"] == "en"
    assert "Saesneg" in category.find_next_sibling("span", class_="link-language").get_text()


def test_an_english_posts_links_to_its_blog_carry_no_language_note(client, welsh_site):
    soup = BeautifulSoup(client.get("/en/blog/singing-together/").content, "html.parser")
    assert not soup.select_one(".post__meta a[href*='?category=']").has_attr("hreflang")
    assert not soup.select(".link-language")
