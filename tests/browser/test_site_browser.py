"""The home and programme pages in a real browser: accessible and usable with the keyboard alone."""

import re

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ImageFactory, ProgrammePageFactory, build_home_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(transactional_db):
    home = build_home_page(
        hero_image=ImageFactory(description="Five coloured tracks side by side"),
        body=[("heard_principles", {"heading": "Making sure young people's music is HEARD", "intro": ""})],
    )
    about = ProgrammePageFactory(
        parent=home,
        title="About Changing Tracks",
        slug="about",
        body=[
            ("heading", {"text": "Our mission", "level": "h2"}),
            ("paragraph", "<p>We help music services embed inclusion.</p>"),
            ("quote", {"quote": "It changed who we reach.", "attribution": "A hub lead"}),
            ("embed", {"url": "https://youtu.be/jNQXAC9IVRw", "title": "Nurture groups in Hull", "transcript": ""}),
        ],
    )
    return home, about


def test_home_page_has_no_axe_violations(live_server, page, axe, site):
    page.goto(live_server.url + "/en/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(axe, page)


def test_programme_page_has_no_axe_violations_on_a_phone(live_server, page, axe, site):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/en/about/")
    assert_no_axe_violations(axe, page)


def test_keyboard_user_skips_to_content_and_reaches_the_menu(live_server, page, site):
    page.goto(live_server.url + "/en/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    page.goto(live_server.url + "/en/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "About Changing Tracks":
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/about/")
    assert page.locator("h1").inner_text() == "About Changing Tracks"


def test_video_loads_only_when_the_visitor_presses_play(live_server, page, site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>player</title>"))
    page.goto(live_server.url + "/en/about/")
    assert page.locator("iframe").count() == 0
    assert not [url for url in requests if not url.startswith(live_server.url)], "a third-party request before play"
    page.get_by_role("link", name=re.compile(r"^Watch the video\s*: Nurture groups in Hull$")).press("Enter")
    iframe = page.locator("iframe")
    assert iframe.get_attribute("title") == "Nurture groups in Hull"
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/jNQXAC9IVRw")
