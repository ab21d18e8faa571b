"""Switching language with the keyboard, and an accessible Welsh page."""

import pytest

from demo.helpers import translate
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ProgrammePageFactory, build_home_page
from tests.test_i18n import ABOUT_WELSH, HOME_WELSH

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bilingual_site(transactional_db):
    home = build_home_page()
    about = ProgrammePageFactory(parent=home, title="About us", slug="about", intro="We help music services.")
    translate(home, "cy", HOME_WELSH)
    translate(about, "cy", ABOUT_WELSH)
    return about


def test_keyboard_user_switches_to_welsh_and_the_welsh_page_is_accessible(live_server, page, axe, bilingual_site):
    page.goto(live_server.url + "/en/about/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "cy":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Cymraeg"
    page.keyboard.press("Enter")
    page.wait_for_url("**/cy/about/")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator("h1").inner_text() == "Amdanom ni"
    assert_no_axe_violations(axe, page)
