"""Events in a real browser: axe on the listings and an event page, one h1 each, filters by keyboard alone."""

import pytest

from events.models import EventSpeaker
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    PersonFactory,
    RegionFactory,
    build_home_page,
    in_days,
)

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 80


@pytest.fixture
def events(transactional_db):
    home = build_home_page()
    events = EventIndexPageFactory(parent=home)
    london = RegionFactory(name="London")
    EventPageFactory(
        parent=events,
        title="Example: Training in London",
        start=in_days(10),
        end=in_days(10, hour=16),
        format="in-person",
        venue_name="A hall",
        venue_address="1 Music Street\nLondon",
        region=london,
        booking_url="https://example.org/book",
        speakers=[EventSpeaker(person=PersonFactory(name="Sam Speaker"))],
    )
    EventPageFactory(parent=events, title="Example: Online meeting", status="postponed")
    EventPageFactory(parent=events, title="Example: Last month", start=in_days(-30), end=in_days(-30, hour=12))
    return events


@pytest.mark.parametrize("path", ["", "past/", "example-training-in-london/", "example-online-meeting/"])
def test_event_pages_have_one_h1_and_no_axe_violations(live_server, page, axe, events, path):
    page.goto(live_server.url + events.url + path)
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(axe, page)


def test_a_keyboard_user_filters_the_events_by_format(live_server, page, events):
    page.goto(live_server.url + events.url)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filter-format-online":
            break
    else:
        raise AssertionError("Tab never reached the 'Online' filter")
    page.keyboard.press("Space")
    page.wait_for_url("**?format=online")
    assert page.locator(".card__title").all_inner_texts() == ["Example: Online meeting"]
    assert page.locator(".chips .chip").count() == 1
