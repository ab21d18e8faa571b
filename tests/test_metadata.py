"""What search engines and social networks read: titles, descriptions, sharing tags, JSON-LD, robots, sitemap."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from tests.factories import ImageFactory, ProgrammePageFactory, ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def json_ld(soup):
    """Every object in the page's JSON-LD, as parsed JSON."""
    objects = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        objects += data if isinstance(data, list) else [data]
    return objects


def test_programme_page_title_description_fallback_and_canonical(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page, title="Action research", slug="action-research", listing_summary="How we fund research."
    )
    soup = head(client, page.url)
    assert soup.title.get_text(strip=True) == "Action research | Changing Tracks"
    assert meta(soup, "description") == "How we fund research.", "falls back to the listing summary"
    assert soup.find("link", rel="canonical")["href"] == "http://localhost/en/action-research/"
    assert meta(soup, "og:url") == "http://localhost/en/action-research/"
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "og:locale") == "en_GB"
    assert meta(soup, "twitter:card") == "summary", "no image: the small card"
    assert meta(soup, "og:image") is None


def test_seo_title_search_description_and_social_text_win_over_fallbacks(client, home_page):
    page = ProgrammePageFactory(
        parent=home_page,
        title="NWG",
        seo_title="National Music Services Working Group for Inclusion",
        search_description="The national peer group for music services.",
        listing_summary="Not this.",
        social_text="Join around 45 music services.",
    )
    soup = head(client, page.url)
    assert soup.title.get_text(strip=True) == "National Music Services Working Group for Inclusion | Changing Tracks"
    assert meta(soup, "description") == "The national peer group for music services."
    assert meta(soup, "og:title") == "National Music Services Working Group for Inclusion"
    assert meta(soup, "og:description") == "Join around 45 music services."
    assert meta(soup, "twitter:description") == "Join around 45 music services."


def test_programme_page_json_ld_is_a_web_page(client, home_page):
    page = ProgrammePageFactory(parent=home_page, title="Action research", listing_summary="How we fund research.")
    [data] = json_ld(head(client, page.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "WebPage"
    assert data["name"] == "Action research"
    assert data["url"] == page.get_full_url()
    assert data["description"] == "How we fund research."
    assert data["inLanguage"] == "en-GB"


def test_social_image_is_a_1200_by_630_rendition_with_alt_text(client, home_page):
    image = ImageFactory(file__width=2400, file__height=1600, description="Pupils playing steel pans")
    page = ProgrammePageFactory(parent=home_page, listing_image=image)
    soup = head(client, page.url)
    assert meta(soup, "og:image").startswith("http://localhost/")
    assert "fill-1200x630" in meta(soup, "og:image")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "Pupils playing steel pans"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")

    page.social_image = ImageFactory(file__width=1200, file__height=630, title="Chosen for sharing")
    page.save()
    chosen = page.social_image.get_rendition("fill-1200x630|format-jpeg")
    assert meta(head(client, page.url), "og:image") == "http://localhost" + chosen.url


def test_home_page_is_the_organization_and_the_website_with_its_search(client, home_page):
    home_page.hero_image = ImageFactory(file__width=1600, file__height=900)
    home_page.save()
    soup = head(client, "/en/")
    assert soup.title.get_text(strip=True) == "Changing Tracks", "no repeated site name on the home page"
    assert meta(soup, "description") == "Helping music services embed equality, diversity and inclusion."
    assert "fill-1200x630" in meta(soup, "og:image"), "the hero image is shared when nothing else is chosen"
    objects = {data["@type"]: data for data in json_ld(soup)}
    assert set(objects) == {"Organization", "WebSite"}
    organization = objects["Organization"]
    assert organization["name"] == "Changing Tracks"
    assert organization["alternateName"] == "MusicNet East"
    assert organization["url"] == "http://localhost/en/"
    assert organization["logo"].endswith("/static/images/icon-512.png")
    assert objects["WebSite"]["potentialAction"]["target"] == "http://localhost/en/search/?q={search_terms}"


def test_json_ld_cannot_break_out_of_its_script(client, home_page):
    page = ProgrammePageFactory(parent=home_page, title="</script><script>alert(1)</script>")
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    [data] = json_ld(BeautifulSoup(response.content, "html.parser").head)
    assert data["name"] == "</script><script>alert(1)</script>"


def test_icons_are_served_from_static(client, home_page):
    soup = head(client, "/en/")
    icons = {link["href"] for link in soup.find_all("link", rel=["icon", "apple-touch-icon"])}
    assert {"/static/images/favicon.svg", "/static/images/apple-touch-icon.png"} <= icons
    for href in icons:
        response = client.get(href)
        assert response.status_code == 200, href
        assert len(b"".join(response.streaming_content)) < 20_000, f"{href} should be small"
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 302 and favicon["Location"] == "/static/images/favicon.ico"


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /en/search/" in lines and "Disallow: /cy/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own response
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_sitemap_lists_every_live_public_page_with_lastmod(client, home_page):
    published(home_page)
    about = published(ProgrammePageFactory(parent=home_page, slug="about"))
    published(ProgrammePageFactory(parent=about, slug="team"))
    draft = ProgrammePageFactory(parent=home_page, slug="draft", live=False)
    private = ProgrammePageFactory(parent=home_page, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    entries = sitemap_entries(client)
    assert set(entries) == {
        "http://localhost/en/",
        "http://localhost/en/about/",
        "http://localhost/en/about/team/",
    }
    assert draft.get_full_url() not in entries
    assert all(lastmod == str(about.last_published_at.date()) for lastmod in entries.values())


def test_sitemap_includes_translations(client, home_page):
    welsh = Locale.objects.create(language_code="cy")
    about = ProgrammePageFactory(parent=home_page, slug="about")
    home_page.copy_for_translation(welsh).save_revision().publish()
    about.copy_for_translation(welsh).save_revision().publish()
    with translation.override("en"):
        entries = sitemap_entries(client)
    assert {"http://localhost/cy/", "http://localhost/cy/about/"} <= set(entries)


@pytest.mark.parametrize("pages", [5, 40])
def test_sitemap_query_count_does_not_grow_with_pages(client, home_page, django_assert_num_queries, pages):
    library = ResourceIndexPageFactory(parent=home_page)
    for number in range(pages):
        ProgrammePageFactory(parent=home_page, slug=f"page-{number}")
        ResourcePageFactory(parent=library, slug=f"resource-{number}")
    client.get("/sitemap.xml")
    # The site, the pages in one query whatever their types, the locales for hreflang alternates, and routing.
    with django_assert_num_queries(6):
        assert len(sitemap_entries(client)) == 2 * pages + 2
