"""The cached menu, footer, breadcrumbs, language links, cards and site show an edit on the very next request."""

import itertools

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, PageViewRestriction, Site

from core import spam
from core.models import FooterSettings, FooterText
from demo.helpers import translate
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    HomePageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicFactory,
)

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


def publish_changes(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_renamed_partner_with_a_new_logo_shows_on_the_directorys_cached_cards_at_once(client, home_page):
    directory = PartnerIndexPageFactory(parent=home_page)
    partner = PartnerPageFactory(parent=directory, title="Essex music service", logo=ImageFactory())
    cards = soup_of(client.get(directory.url)).select(".partner-card")
    assert [card.h3.get_text(strip=True) for card in cards] == ["Essex music service"]
    old_logo = cards[0].img["src"]

    publish_changes(partner, title="Essex Music Hub", logo=ImageFactory())
    card = soup_of(client.get(directory.url)).select_one(".partner-card")
    assert card.h3.get_text(strip=True) == "Essex Music Hub"
    assert card.img["src"] != old_logo


def test_a_post_card_follows_its_post_and_a_page_of_other_posts_has_its_own_cards(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    for number in range(12):
        BlogPageFactory(parent=blog, title=f"Post {number:02d}", date=f"2026-01-{number + 1:02d}")
    titles = [a.get_text(strip=True) for a in soup_of(client.get(blog.url)).select(".card__title a")]
    second_page = [a.get_text(strip=True) for a in soup_of(client.get(blog.url + "?page=2")).select(".card__title a")]
    assert titles[0] == "Post 11"
    assert not set(titles) & set(second_page)

    publish_changes(blog.get_children().get(title="Post 11").specific, title="Post eleven")
    assert soup_of(client.get(blog.url)).select_one(".card__title a").get_text(strip=True) == "Post eleven"


def test_a_listings_cached_count_and_page_of_ids_follow_a_new_post_and_an_unpublished_partner(client, home_page):
    blog = BlogIndexPageFactory(parent=home_page)
    BlogPageFactory(parent=blog, title="Older post", date="2026-01-01")
    directory = PartnerIndexPageFactory(parent=home_page)
    leaving = PartnerPageFactory(parent=directory, title="Essex music service")
    PartnerPageFactory(parent=directory, title="Hull music service")

    def listing(url, count, card):
        page = soup_of(client.get(url))
        return page.select_one(count).get_text(strip=True), [item.get_text(strip=True) for item in page.select(card)]

    def posts():
        return listing(blog.url, ".listing__count", ".card__title a")

    def partners():
        return listing(directory.url, "#partner-results-heading", ".partner-card h3")

    assert posts() == ("1 post", ["Older post"])
    assert partners() == ("2 partners", ["Essex music service", "Hull music service"])
    assert posts() == ("1 post", ["Older post"])  # now from the cache

    BlogPageFactory(parent=blog, title="Newer post", date="2026-02-01")
    leaving.unpublish()
    assert posts() == ("2 posts", ["Newer post", "Older post"])
    assert partners() == ("1 partner", ["Hull music service"])


def test_a_preview_shows_the_editors_new_hero_image_not_the_published_one_cached(client, home_page):
    published_image = ImageFactory(description="A brass group in a school hall")
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_page), hero_image=published_image)
    assert soup_of(client.get(post.url)).select_one(".post__hero img")["alt"] == "A brass group in a school hall"

    post.hero_image = ImageFactory(description="A choir rehearsing in a library")  # unsaved, as in the editor
    preview = BeautifulSoup(post.make_preview_request().content, "html.parser")
    assert preview.select_one(".post__hero img")["alt"] == "A choir rehearsing in a library"
    assert soup_of(client.get(post.url)).select_one(".post__hero img")["alt"] == "A brass group in a school hall"


def test_a_site_given_a_new_home_page_serves_it_at_once(client, home_page):
    assert soup_of(client.get("/en/")).h1.get_text(strip=True) == "Changing Tracks"
    new_home = HomePageFactory(parent=home_page.get_parent(), title="Changing Tracks 2027", slug="home-2027")
    site = Site.objects.get(is_default_site=True)
    site.root_page = new_home
    site.save()
    assert soup_of(client.get("/en/")).h1.get_text(strip=True) == "Changing Tracks 2027"


def test_a_page_given_a_new_slug_or_unpublished_leaves_its_old_address_at_once(client, programme_page):
    team = ProgrammePageFactory(parent=programme_page, title="Our team", slug="team")
    assert client.get("/en/about/team/").status_code == 200
    publish_changes(programme_page, slug="about-us")
    assert client.get("/en/about/team/").status_code == 404
    assert client.get("/en/about-us/team/").status_code == 200
    team.unpublish()
    assert client.get("/en/about-us/team/").status_code == 404


def test_a_pages_edited_body_and_description_show_at_once(client, programme_page):
    assert "Peer support" not in client.get(programme_page.url).content.decode()
    publish_changes(
        programme_page,
        search_description="Who we are and how we work.",
        body=[("paragraph", "<p>Peer support for music services.</p>")],
    )
    page = soup_of(client.get(programme_page.url))
    assert page.select_one("meta[name=description]")["content"] == "Who we are and how we work."
    assert "Peer support for music services." in page.select_one("main").get_text()


def test_a_sign_up_form_in_a_pages_body_is_new_on_every_request(client, home_page, monkeypatch):
    page = ProgrammePageFactory(
        parent=home_page,
        slug="about",
        body=[("paragraph", "<p>Join us.</p>"), ("enews_signup", {"heading": "Keep in touch", "text": ""})],
    )
    started = itertools.count()
    monkeypatch.setattr(spam, "signed_start_time", lambda: f"signed-time-{next(started)}")
    forms = [soup_of(client.get(page.url)).select_one(".enews-signup form") for _visit in range(2)]
    first, second = (form.select_one("input[name=form_started]")["value"] for form in forms)
    assert first.startswith("signed-time-") and first != second


def test_each_query_gets_its_own_filter_form_ticks_and_errors(client, home_page):
    directory = PartnerIndexPageFactory(parent=home_page)
    PartnerPageFactory(parent=directory, title="Hull music service")

    def form(query):
        return soup_of(client.get(directory.url + query)).select_one("form.filters")

    assert form("?year=nineteen").select_one(".error-summary")
    assert form("?year=nineteen&kind=music-service").select_one("input[value=music-service]").has_attr("checked")
    plain = form("")
    assert not plain.select(".error-summary") and not plain.select("input[checked]")
