"""The demo loader builds the site from the seeds, and running it again changes nothing."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from blog.models import BlogIndexPage, BlogPage
from home.models import EnquiryFormPage, HomePage, ProgrammePage
from newsletter.models import NewsletterSettings

pytestmark = pytest.mark.django_db

EXPECTED_PAGES = [
    "About Changing Tracks",
    "The HEARD principles",
    "Action research",
    "National Music Services Working Group for Inclusion",
    "Training and consultancy",
    "Accessibility statement",
    "Cookie statement",
    "Our partners",
    "Resource library",
    "Privacy notice",
    "Can we help you?",
    "Blog",
]


def snapshot():
    return {
        "redirects": sorted(Redirect.objects.values_list("old_path", "redirect_page_id", "redirect_link")),
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "images": sorted(get_image_model().objects.values_list("title", "description")),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", "is_default_site")),
    }


def test_demo_builds_the_programme_pages_under_a_home_page(client):
    call_command("load_demo_content", stdout=None)
    home = HomePage.objects.get(locale=Locale.get_default())
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert [page.title for page in home.get_children().live()] == EXPECTED_PAGES
    assert all(image.description for image in get_image_model().objects.all()), "every image needs alt text"
    for page in Page.objects.live().exclude(depth=1):
        assert client.get(page.url).status_code == 200, page.url
    assert "NWG" in ProgrammePage.objects.get(slug="national-working-group").intro


def test_demo_translates_home_and_about_into_welsh_through_wagtail_localize(client):
    call_command("load_demo_content")
    welsh = Locale.objects.get(language_code="cy")
    for translation in Translation.objects.filter(target_locale=welsh):
        total, translated = translation.get_progress()
        assert total == translated, f"{translation} is only partly translated"
    pages = Page.objects.filter(locale=welsh).live().exclude(depth=1)
    assert sorted(page.url for page in pages) == ["/cy/", "/cy/about/"]
    assert "Am Changing Tracks" in client.get("/cy/about/").content.decode()


def test_demo_loader_twice_gives_the_same_site():
    call_command("load_demo_content")
    first = snapshot()
    call_command("load_demo_content")
    assert snapshot() == first


def test_demo_loader_keeps_what_an_editor_changed():
    call_command("load_demo_content")
    about = ProgrammePage.objects.get(slug="about", locale=Locale.get_default())
    about.title = "About us"
    about.intro = "Rewritten by the comms team."
    about.save_revision().publish()
    call_command("load_demo_content")
    about.refresh_from_db()
    assert (about.title, about.intro) == ("About us", "Rewritten by the comms team.")


def test_demo_has_a_blog_an_enquiry_form_and_an_enews_privacy_link(client):
    call_command("load_demo_content")
    blog = BlogIndexPage.objects.get()
    posts = BlogPage.objects.child_of(blog).live()
    assert posts.count() >= 12
    assert {post.category for post in posts} == {"news", "resource-update", "programme-update", "nwg-write-up"}
    assert all(post.blog_authors.exists() and post.tags.exists() for post in posts)
    assert len(posts.dates("date", "year")) >= 2, "the year filter needs more than one year to show"
    nurture = posts.get(slug="nurture-groups-our-current-research")
    assert [row.resource.slug for row in nurture.related_resources.all()] == [
        "nurture-groups-toolkit",
        "starting-a-nurture-group",
        "nurture-groups-in-music-services",
    ]
    assert posts.filter(related_resources__isnull=False).distinct().count() >= 10
    assert "Nurture groups toolkit" in client.get(nurture.url).content.decode()
    research = posts.get(slug="music-services-in-the-action-research")
    assert research.mentioned_partners.count() == 9
    assert research.title in client.get("/en/partners/hull/").content.decode(), "Hull's profile lists the post"
    assert client.get(blog.url + "feed/").status_code == 200
    enquiry = EnquiryFormPage.objects.get()
    assert enquiry.title == "Can we help you?" and enquiry.form_fields.count() >= 5
    privacy = NewsletterSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page
    assert privacy.slug == "privacy-notice"


def test_demo_statements_are_linked_from_every_page_and_give_the_contact_address(client):
    call_command("load_demo_content")
    soup = BeautifulSoup(client.get("/en/about/").content, "html.parser")
    footer_links = {a.get_text(strip=True): a["href"] for a in soup.select("footer nav a")}
    assert footer_links == {
        "Accessibility statement": "/en/accessibility/",
        "Cookie statement": "/en/cookies/",
        "Privacy notice": "/en/privacy-notice/",
    }
    statement = BeautifulSoup(client.get("/en/accessibility/").content, "html.parser").main
    headings = [h2.get_text(strip=True) for h2 in statement.find_all("h2")]
    assert headings == ["What we aim for", "How we test it", "Reporting a problem or asking for another format"]
    assert "WCAG" in statement.get_text()
    footer_email = soup.select_one("footer a[href^=mailto]")["href"]
    assert statement.select_one("a[href^=mailto]")["href"] == footer_email
    cookies = BeautifulSoup(client.get("/en/cookies/").content, "html.parser").main.get_text()
    assert "sets no tracking cookies" in cookies


def test_demo_loads_the_old_sites_redirects(client):
    call_command("load_demo_content")
    for old, new in [
        ("/about-us/", "/en/about/"),
        ("/about-us/research/", "/en/action-research/"),
        ("/music-services-inclusion-network/", "/en/national-working-group/"),
        ("/partners-work/liverpool-resonate/", "/en/partners/liverpool-resonate/"),
        ("/join-our-mailing-list/", "/en/enews/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    legacy = client.get("/about-us/", HTTP_HOST="www.musicnet-east.org.uk")
    assert legacy["Location"] == "http://testserver/about-us/"
