"""The cached menu, footer, breadcrumbs and language links show an edit on the very next request."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction, Site

from core.demo import translate
from core.models import FooterSettings, FooterText
from tests.factories import ProgrammePageFactory, ResourceIndexPageFactory, ResourcePageFactory, TopicFactory

HOME_WELSH = {
    "Changing Tracks": "Changing Tracks",
    "Peer support, training and research for inclusive music services.": "Cymorth, hyfforddiant ac ymchwil.",
    "Helping music services embed equality, diversity and inclusion.": "Helpu gwasanaethau cerdd.",
}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu(client, url="/en/"):
    return [a.get_text(strip=True) for a in soup_of(client.get(url)).select("nav[aria-label=Main] a")]


def test_a_published_page_joins_the_menu_and_an_unpublished_one_leaves_it(client, home_page):
    ProgrammePageFactory(parent=home_page, title="About", slug="about")
    assert menu(client) == ["Home", "About"]
    training = ProgrammePageFactory(parent=home_page, title="Training", slug="training")
    assert menu(client) == ["Home", "About", "Training"]
    training.unpublish()
    assert menu(client) == ["Home", "About"]


def test_a_renamed_page_is_renamed_in_the_menu_and_the_breadcrumbs(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    team = ProgrammePageFactory(parent=about, title="Our team", slug="team")
    client.get(team.url)
    about.title = "About us"
    about.save_revision().publish()
    page = soup_of(client.get(team.url))
    assert [a.get_text(strip=True) for a in page.select("nav[aria-label=Main] a")] == ["Home", "About us"]
    assert [a.get_text(strip=True) for a in page.select("nav[aria-label=Breadcrumb] a")] == [
        "Home",
        "About us",
        "Our team",
    ]


def test_each_page_has_its_own_breadcrumbs_and_current_menu_item(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    training = ProgrammePageFactory(parent=home_page, title="Training", slug="training")
    team = ProgrammePageFactory(parent=about, title="Our team", slug="team")
    courses = ProgrammePageFactory(parent=training, title="Courses", slug="courses")
    for page, section in [(team, "About"), (courses, "Training"), (team, "About")]:
        soup = soup_of(client.get(page.url))
        crumbs = [a.get_text(strip=True) for a in soup.select("nav[aria-label=Breadcrumb] a")]
        assert crumbs == ["Home", section, page.title]
        current = soup.select_one("nav[aria-label=Main] a[aria-current]")
        assert current.get_text(strip=True) == section


def test_a_moved_page_leaves_the_menu(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    team = ProgrammePageFactory(parent=home_page, title="Our team", slug="team")
    assert menu(client) == ["Home", "About", "Our team"]
    team.move(about, pos="last-child")
    assert menu(client) == ["Home", "About"]
    assert client.get("/en/about/team/").status_code == 200


def test_edited_footer_text_and_contact_details_show_at_once(client, home_page):
    words = FooterText.objects.create(
        locale=Locale.get_default(), funder_acknowledgement="<p>Funded by Youth Music.</p>"
    )
    assert "Funded by Youth Music." in soup_of(client.get("/en/")).select_one("footer").get_text()
    words.funder_acknowledgement = "<p>Funded by Youth Music and Arts Council England.</p>"
    words.save()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_email = "hello@example.org"
    footer.save()
    soup = soup_of(client.get("/en/"))
    assert "Arts Council England" in soup.select_one("footer .site-footer__funders").get_text()
    assert soup.select_one('footer a[href="mailto:hello@example.org"]')


def test_the_welsh_site_never_gets_the_english_menu_or_footer_from_the_cache(client, home_page):
    english = FooterText.objects.create(locale=Locale.get_default(), funder_acknowledgement="<p>Funded by us.</p>")
    translate(english, "cy", {"Funded by us.": "Ariennir gennym ni."})
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about", intro="We help.")
    translate(home_page, "cy", HOME_WELSH)
    translate(
        about, "cy", {"About": "Amdanom", "An opening paragraph in plain English.": "Paragraff.", "We help.": "Ni."}
    )
    assert menu(client, "/en/") == ["Home", "About"]
    welsh = soup_of(client.get("/cy/"))
    assert [a.get_text(strip=True) for a in welsh.select(".primary-nav a")] == ["Hafan", "Amdanom"]
    assert [a["href"] for a in welsh.select(".primary-nav a")] == ["/cy/", "/cy/about/"]
    assert welsh.select_one("footer .site-footer__funders").get_text(strip=True) == "Ariennir gennym ni."
    english_page = soup_of(client.get("/en/about/"))
    assert english_page.select_one("footer .site-footer__funders").get_text(strip=True) == "Funded by us."
    switcher = {a["hreflang"]: a["href"] for a in english_page.select(".language-switcher a")}
    assert switcher == {"en-GB": "/en/about/", "cy": "/cy/about/"}


def test_a_page_made_private_asks_for_a_login_and_leaves_the_menu(client, home_page):
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")
    team = ProgrammePageFactory(parent=about, title="Our team", slug="team")
    assert client.get(team.url).status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(team.url).status_code == 302
    assert menu(client) == ["Home"]


def test_a_preview_lists_the_editors_unsaved_topics(home_page):
    resource = ResourcePageFactory(
        parent=ResourceIndexPageFactory(parent=home_page), topics=[TopicFactory(name="SEND")]
    )
    assert resource.term_names()["topics"] == ["SEND"]
    resource.topics = [TopicFactory(name="Funding")]  # as the preview's form does: held in memory, not saved
    assert resource.term_names()["topics"] == ["Funding"]


@pytest.mark.parametrize("path", ["/en/about/feed/", "/en/about/nope/"])
def test_a_path_below_a_page_that_does_not_exist_is_not_found(client, home_page, path):
    ProgrammePageFactory(parent=home_page, title="About", slug="about")
    assert client.get(path).status_code == 404
