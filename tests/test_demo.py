"""The demo loader builds the site from the seeds, and running it again changes nothing.

It states only what the seeds say; anything else is marked as an example, and no real
organisation is credited with work that is not marked as one.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Person
from events.models import EventPage
from home.models import EnquiryFormPage, HomePage, ProgrammePage
from newsletter.models import NewsletterSettings
from resources.models import ResourceAuthoringPartner, ResourcePage

pytestmark = pytest.mark.django_db

EXPECTED_PAGES = [
    "Can we help you?",
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
    "Blog",
    "Events",
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
        "example-nurture-groups-toolkit",
        "example-nurture-group-planning-template",
    ]
    assert posts.filter(related_resources__isnull=False).distinct().count() >= 10
    assert "Example: Nurture groups toolkit" in client.get(nurture.url).content.decode()
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


def test_demo_states_the_seeds_facts_and_attributes_the_working_groups_two_memberships(client):
    call_command("load_demo_content")
    research = client.get("/en/blog/music-services-in-the-action-research/").content.decode()
    assert "17 music services" in research
    nwg = BeautifulSoup(client.get("/en/national-working-group/").content, "html.parser").main.get_text(" ")
    nwg = " ".join(nwg.split())
    assert "'About Changing Tracks & Music Services' says that until 2020" in nwg
    assert "'Changing Tracks' says the group consists of the current action research partners plus, currently" in nwg
    until_2020 = next(sentence for sentence in nwg.split(". ") if "until 2020" in sentence)
    assert "Calderdale" not in until_2020, "the six named services are not dated to before 2020"


def test_demo_dates_do_not_depend_on_the_day_it_is_loaded():
    call_command("load_demo_content")
    posts = BlogPage.objects.order_by("slug").values_list("slug", "date")
    resources = ResourcePage.objects.order_by("slug").values_list("slug", "publication_date")
    first = (list(posts), list(resources))
    BlogPage.objects.all().delete()
    ResourcePage.objects.all().delete()
    a_later_day = timezone.now() + timedelta(days=400)
    with mock.patch("django.utils.timezone.now", return_value=a_later_day):
        call_command("load_demo_content")
    assert (list(posts), list(resources)) == first


def test_demo_events_are_examples_dated_from_the_day_of_loading(client):
    """The seeds give no event dates: every event is an example, with upcoming and past ones whenever it is loaded."""
    call_command("load_demo_content")
    events = EventPage.objects.live()
    assert events.count() >= 5
    for event in events:
        assert is_marked_as_example(event, client.get(event.url).content.decode()), event.title
    meetings = events.filter(slug__startswith="example-working-group-meeting")
    assert meetings.filter(end__lt=timezone.now()).exists() and meetings.filter(start__gt=timezone.now()).exists()
    assert not meetings.exclude(format="online").exists(), "no venue is invented for the working group"


def test_home_and_training_pages_lead_to_the_enquiry_form_which_says_what_happens_next(client):
    call_command("load_demo_content")
    enquiries = EnquiryFormPage.objects.get()
    for path in ("/en/", "/en/training-and-consultancy/"):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        assert soup.main.select_one(f"a[href='{enquiries.url}']"), f"{path} links to the enquiry form"
    form_page = " ".join(BeautifulSoup(client.get(enquiries.url).content, "html.parser").main.get_text(" ").split())
    assert "What happens next:" in form_page and "replies to you by email" in form_page
    assert "How soon: Example:" in form_page, "a reply time the seeds do not give is marked as an example"


# The real organisations the seeds name: the fifteen partners, the partner body, the funders.
PARTNERS = [
    "Cambridgeshire",
    "Cornwall",
    "Essex",
    "Hertfordshire",
    "Hull",
    "Liverpool Resonate",
    "Norfolk",
    "Southampton",
    "Waltham Forest",
    "Calderdale",
    "Ealing",
    "Luton",
    "Northamptonshire",
    "Thurrock",
    "Milton Keynes",
]
REAL_ORGANISATIONS = [*PARTNERS, "Music Mark", "Youth Music", "Arts Council England", "National Lottery"]
NAMES_AN_ORGANISATION = re.compile("|".join(re.escape(name) for name in REAL_ORGANISATIONS))
# "by <organisation>", with the word before it: "written by Music Mark", "By Youth Music" in a byline.
BY_AN_ORGANISATION = re.compile(rf"(\w+\s+)?\bby\s+(?:the\s+)?({NAMES_AN_ORGANISATION.pattern})", re.IGNORECASE)
# What the seeds say these organisations do for the programme: lead, run, fund, back and facilitate it.
TRUE_RELATIONS = {"led", "run", "funded", "backed", "facilitated"}


def is_marked_as_example(page, html):
    return (
        getattr(page, "is_example_content", False)
        and page.title.startswith("Example:")
        and "This is example content that shows how the site works." in html
    )


def credited_authors(page):
    """The names a page credits as its authors: a resource's authoring partners, a post's authors."""
    authors = [row.display_name for row in ResourceAuthoringPartner.objects.filter(page=page.pk)]
    return authors + [row.person.name for row in BlogPageAuthor.objects.filter(page=page.pk).select_related("person")]


def false_credits(client):
    """Every (url, credit) where a real organisation is named as an author on a page not marked as an example."""
    found = []
    for page in Page.objects.live().exclude(depth=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        if is_marked_as_example(page, html):
            continue
        found += [(page.url, author) for author in credited_authors(page) if NAMES_AN_ORGANISATION.search(author)]
        text = " ".join(BeautifulSoup(html, "html.parser").main.get_text(" ").split())
        for match in BY_AN_ORGANISATION.finditer(text):
            if (match.group(1) or "").strip().lower() not in TRUE_RELATIONS:
                found.append((page.url, match.group(0).strip()))
    return found


def test_no_real_organisation_is_credited_with_work_not_marked_as_an_example(client):
    call_command("load_demo_content")
    locales = set(Page.objects.live().exclude(depth=1).values_list("locale__language_code", flat=True))
    assert locales == {"en", "cy"}, "every locale's pages are checked"
    assert false_credits(client) == []
    for page in [*ResourcePage.objects.live(), *BlogPage.objects.live()]:
        html = client.get(page.url).content.decode()
        assert is_marked_as_example(page, html), f"{page.title}: the seeds name no resources or posts"
        assert credited_authors(page) == ["Example author"], page.title


def test_the_credit_check_catches_a_planted_credit(client):
    call_command("load_demo_content")
    about = ProgrammePage.objects.get(slug="about", locale__language_code="en")
    about.body.append(("paragraph", "<p>This guide was written by Music Mark.</p>"))
    about.save_revision().publish()
    resource = ResourcePage.objects.get(slug="example-video-resource")
    resource.title = "A video resource"
    resource.is_example_content = False
    resource.authoring_partners = [ResourceAuthoringPartner(name="Cornwall music service")]
    resource.save_revision().publish()
    post = BlogPage.objects.get(slug="inside-the-national-working-group")
    post.is_example_content = False
    post.blog_authors = [BlogPageAuthor(person=Person.objects.create(name="Youth Music"))]
    post.save_revision().publish()
    credits = false_credits(client)
    assert ("/en/about/", "written by Music Mark") in credits
    assert (resource.url, "Cornwall music service") in credits
    assert (resource.url, "Written by Cornwall") in credits
    assert (post.url, "Youth Music") in credits
    assert any(url == post.url and credit.endswith("By Youth Music") for url, credit in credits), credits
