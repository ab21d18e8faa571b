"""Every body block on one page, in a real browser: axe finds nothing at phone and desktop widths."""

import pytest

from tests.blocks_page import every_block_page
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import build_home_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_page_with_every_block_has_no_axe_violations(live_server, page, axe, width):
    blocks_page = every_block_page(build_home_page())
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + blocks_page.url)
    assert_no_axe_violations(axe, page)
    # The questions open without JavaScript's help, from the keyboard.
    question = page.get_by_text("Who can join the working group?")
    question.focus()
    page.keyboard.press("Enter")
    assert page.locator("details.accordion__item").first.get_attribute("open") is not None
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing scrolls sideways
