"""Events (issue 20): validation, upcoming and past lists with their filters, calendars and metadata."""

import datetime
import json
from unittest import mock

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from blog.models import Person
from events.models import EventIndexPage, EventPage, EventSpeaker
from tests.factories import (
    AudienceFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PersonFactory,
    RegionFactory,
    TopicFactory,
    in_days,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def programme(events):
    """Four upcoming events and two past ones with known formats, regions, audiences, topics and years."""
    london, east = RegionFactory(name="London"), RegionFactory(name="East of England")
    leaders, schools = AudienceFactory(name="Leaders"), AudienceFactory(name="Schools")
    send, funding = TopicFactory(name="SEND"), TopicFactory(name="Funding")
    venue = {"venue_name": "A hall", "venue_address": "1 Music Street\nLondon"}
    rows = [
        # title, days from now, format, region, audiences, topics
        ("Soon online", 3, "online", None, [leaders], [send]),
        ("Next month in London", 30, "in-person", london, [schools], [funding]),
        ("Later hybrid", 60, "hybrid", east, [leaders, schools], [send, funding]),
        ("Tomorrow in London", 1, "in-person", london, [leaders], []),
        ("Last week", -7, "online", None, [leaders], [send]),
        ("Last month", -30, "in-person", east, [schools], []),
    ]
    for title, days, event_format, region, audiences, topics in rows:
        EventPageFactory(
            parent=events,
            title=title,
            start=in_days(days),
            end=in_days(days, hour=12),
            format=event_format,
            region=region,
            audiences=audiences,
            topics=topics,
            **(venue if event_format != "online" else {}),
        )
    return events


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [heading.get_text(strip=True) for heading in soup.select(".card__title")]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


# Editing.


def test_events_listing_lives_once_under_home_and_holds_events(home_page, events):
    assert EventIndexPage.can_create_at(home_page) is False  # max_count_per_parent
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert events.get_parent().specific == home_page


def test_an_event_must_end_after_it_starts(events):
    event = EventPageFactory.build(start=in_days(5), end=in_days(5) - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


def test_an_all_day_event_may_start_and_end_on_the_same_day(events):
    event = EventPageFactory.build(start=in_days(5, hour=0), end=in_days(5, hour=0), all_day=True)
    event.clean()
    event.end = in_days(4)
    with pytest.raises(ValidationError):
        event.clean()


@pytest.mark.parametrize("event_format", ["in-person", "hybrid"])
def test_an_event_people_come_to_needs_a_venue(event_format):
    event = EventPageFactory.build(format=event_format)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"venue_name", "venue_address"}
    EventPageFactory.build(format="online").clean()


def test_every_event_field_has_help_text():
    for field in EventPage._meta.get_fields():
        if field.concrete and field.model is EventPage and not field.auto_created and field.name != "page_ptr":
            assert field.help_text, field.name


# The page.


def test_event_page_shows_when_where_cost_and_booking(client, events):
    event = EventPageFactory(
        parent=events,
        title="Example: Working group meeting",
        format="hybrid",
        venue_name="A hall",
        venue_address="1 Music Street\nLondon",
        booking_url="https://example.org/book",
        joining_instructions="https://meet.example.org/abc",
        joining_instructions_visibility="registered",
        speakers=[EventSpeaker(person=PersonFactory(name="Sam Speaker"))],
    )
    html = get(client, event.url).content.decode()
    assert "A hall" in html and "1 Music Street" in html
    assert "Free" in html
    assert 'href="https://example.org/book"' in html
    assert "Sam Speaker" in html
    assert "meet.example.org" not in html  # only for people who have registered
    assert "calendar/" in html and "calendar.google.com" in html
    assert BeautifulSoup(html, "html.parser").find_all("h1")[0].get_text(strip=True) == event.title


def test_joining_instructions_shown_openly_when_the_editor_says_so(client, events):
    event = EventPageFactory(
        parent=events, joining_instructions="https://meet.example.org/abc", joining_instructions_visibility="open"
    )
    assert "meet.example.org/abc" in get(client, event.url).content.decode()


def test_a_cost_replaces_free(client, events):
    event = EventPageFactory(parent=events, cost="£25 per person")
    html = get(client, event.url).content.decode()
    assert "£25 per person" in html


@pytest.mark.parametrize("status,label", [("cancelled", "Cancelled"), ("postponed", "Postponed")])
def test_a_status_other_than_scheduled_is_shown_on_the_page_and_the_card(client, events, status, label):
    event = EventPageFactory(parent=events, status=status)
    page = BeautifulSoup(get(client, event.url).content, "html.parser")
    assert label in page.select_one(".event-status").get_text()
    card = BeautifulSoup(get(client, events.url).content, "html.parser").select_one(".card--event")
    assert label in card.select_one(".event-status").get_text()


def test_a_scheduled_event_shows_no_status(client, events):
    event = EventPageFactory(parent=events)
    assert b"event-status" not in get(client, event.url).content


def test_times_are_shown_in_uk_time(client, events):
    # 09:30 UTC in July is 10:30 in London (British Summer Time).
    start = datetime.datetime(2031, 7, 1, 9, 30, tzinfo=datetime.UTC)
    event = EventPageFactory(parent=events, start=start, end=start + datetime.timedelta(hours=2))
    assert event.when() == "Tuesday 1 July 2031, 10:30 to 12:30"


def test_a_past_event_links_its_write_up_and_offers_no_booking(client, home_page, events):
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=home_page), title="What we learned")
    event = EventPageFactory(
        parent=events, start=in_days(-3), end=in_days(-3, hour=12), write_up=post, booking_url="https://example.org/b"
    )
    html = get(client, event.url).content.decode()
    assert "What we learned" in html and post.url in html
    assert "Book your place" not in html and "calendar/" not in html


# JSON-LD.


def structured_data(client, url):
    soup = BeautifulSoup(get(client, url).content, "html.parser")
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def test_json_ld_describes_the_event_with_its_status_and_attendance_mode(client, events):
    event = EventPageFactory(
        parent=events,
        format="hybrid",
        venue_name="A hall",
        venue_address="1 Music Street",
        status="postponed",
        booking_url="https://example.org/book",
        speakers=[EventSpeaker(person=PersonFactory(name="Sam Speaker"))],
    )
    (data,) = [item for item in structured_data(client, event.url) if item["@type"] == "Event"]
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
    assert {location["@type"] for location in data["location"]} == {"Place", "VirtualLocation"}
    assert data["offers"]["price"] == "0" and data["isAccessibleForFree"] is True
    assert data["performer"] == [{"@type": "Person", "name": "Sam Speaker"}]


def test_an_event_moved_online_is_online_in_json_ld(client, events):
    event = EventPageFactory(
        parent=events, format="in-person", venue_name="Hall", venue_address="Street", status="moved-online"
    )
    (data,) = [item for item in structured_data(client, event.url) if item["@type"] == "Event"]
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


# Calendars.


def parse_calendar(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_each_event_has_an_ics_file(client, events):
    start = datetime.datetime(2031, 7, 1, 9, 30, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=events,
        title="Example: Training",
        start=start,
        end=start + datetime.timedelta(hours=2),
        format="in-person",
        venue_name="A hall",
        venue_address="1 Music Street\nLondon",
    )
    calendar = parse_calendar(get(client, event.url + "calendar/"))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Example: Training"
    assert entry.decoded("dtstart") == start and entry.decoded("dtend") == start + datetime.timedelta(hours=2)
    assert str(entry["location"]) == "A hall, 1 Music Street, London"
    assert str(entry["url"]) == event.full_url
    assert str(entry["status"]) == "CONFIRMED"
    assert str(entry["uid"]) == f"{event.translation_key}@localhost"


def test_an_all_day_event_is_written_as_dates_its_end_exclusive(client, events):
    event = EventPageFactory(parent=events, start=in_days(10, hour=0), end=in_days(11, hour=0), all_day=True)
    (entry,) = parse_calendar(get(client, event.url + "calendar/")).walk("VEVENT")
    assert entry.decoded("dtstart") == timezone.localdate(event.start)
    assert entry.decoded("dtend") == timezone.localdate(event.start) + datetime.timedelta(days=2)


def test_a_cancelled_event_is_cancelled_in_calendars(client, events):
    event = EventPageFactory(parent=events, status="cancelled")
    (entry,) = parse_calendar(get(client, event.url + "calendar/")).walk("VEVENT")
    assert str(entry["status"]) == "CANCELLED"
    assert str(entry["summary"]).startswith("Cancelled: ")


def test_the_calendar_feed_holds_every_upcoming_event_and_no_past_one(client, programme):
    calendar = parse_calendar(get(client, programme.url + "calendar/"))
    summaries = [str(entry["summary"]) for entry in calendar.walk("VEVENT")]
    assert summaries == ["Tomorrow in London", "Soon online", "Next month in London", "Later hybrid"]
    assert str(calendar["x-wr-calname"]) == programme.title


# The listing.


def test_upcoming_events_come_soonest_first_and_past_ones_have_their_own_page(client, programme):
    upcoming = get(client, programme.url)
    assert titles(upcoming) == ["Tomorrow in London", "Soon online", "Next month in London", "Later hybrid"]
    assert titles(get(client, programme.url + "past/")) == ["Last week", "Last month"]


def test_an_event_moves_to_the_past_list_once_it_has_ended(client, events):
    event = EventPageFactory(parent=events, title="Moving on", start=in_days(1), end=in_days(1, hour=12))
    assert titles(get(client, events.url)) == ["Moving on"]
    with mock.patch("django.utils.timezone.now", return_value=event.end + datetime.timedelta(minutes=1)):
        assert titles(get(client, events.url)) == []
        assert titles(get(client, events.url + "past/")) == ["Moving on"]


def test_an_event_in_progress_is_still_upcoming(client, events):
    EventPageFactory(parent=events, title="Now", start=in_days(0) - datetime.timedelta(days=1), end=in_days(1))
    assert titles(get(client, events.url)) == ["Now"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("format=in-person", ["Tomorrow in London", "Next month in London"]),
        ("format=online&format=hybrid", ["Soon online", "Later hybrid"]),
        ("region=london", ["Tomorrow in London", "Next month in London"]),
        ("audience=schools&topic=funding", ["Next month in London", "Later hybrid"]),
        ("topic=send&format=hybrid", ["Later hybrid"]),
    ],
)
def test_filters_combine_and_across_groups_or_within_one(client, programme, query, expected):
    assert titles(get(client, f"{programme.url}?{query}")) == expected


def test_the_year_filter_offers_the_years_of_the_list_shown(client, programme):
    years = {str(event.start.year) for event in EventPage.objects.all()}
    page = BeautifulSoup(get(client, programme.url).content, "html.parser")
    offered = {box["value"] for box in page.select("input[name=year]")}
    assert offered <= years and offered
    year = sorted(offered)[0]
    listed = titles(get(client, f"{programme.url}?year={year}"))
    assert listed == [
        event.title for event in EventPage.objects.filter(start__year=year, end__gte=timezone.now()).order_by("start")
    ]


def test_every_option_count_is_the_number_of_results_it_gives(client, programme):
    page = BeautifulSoup(get(client, programme.url + "?format=in-person").content, "html.parser")
    for box in page.select(".filters__option input"):
        count = int(page.select_one(f"label[for={box['id']}] .filters__count").get_text().strip("()"))
        query = (
            f"format=in-person&{box['name']}={box['value']}" if box["name"] != "format" else f"format={box['value']}"
        )
        assert len(titles(get(client, f"{programme.url}?{query}"))) == count, query


def test_past_list_filters_and_counts_only_past_events(client, programme):
    page = BeautifulSoup(get(client, programme.url + "past/?format=online").content, "html.parser")
    assert titles_of(page) == ["Last week"]
    assert page.select_one("label[for=filter-format-in-person] .filters__count").get_text() == "(1)"


def titles_of(soup):
    return [heading.get_text(strip=True) for heading in soup.select(".card__title")]


def test_an_unknown_value_is_dropped_and_the_rest_kept(client, programme):
    assert titles(get(client, programme.url + "?region=atlantis&format=online&year=banana")) == ["Soon online"]


def test_chips_remove_one_choice_and_keep_the_rest(client, programme):
    page = BeautifulSoup(get(client, programme.url + "?format=in-person&region=london").content, "html.parser")
    links = [chip["href"] for chip in page.select(".chips .chip")]
    assert links == ["?region=london", "?format=in-person"]


def test_two_or_more_filters_make_the_list_noindex(client, programme):
    one = BeautifulSoup(get(client, programme.url + "?format=online").content, "html.parser")
    assert one.find("meta", attrs={"name": "robots"}) is None
    assert one.find("link", rel="canonical")["href"] == f"http://localhost{programme.url}?format=online"
    two = BeautifulSoup(get(client, programme.url + "past/?format=online&region=london").content, "html.parser")
    assert "noindex" in two.find("meta", attrs={"name": "robots"})["content"]
    assert two.find("link", rel="canonical")["href"].startswith(f"http://localhost{programme.url}past/?")


@pytest.mark.parametrize("page", ["abc", "0", "-1", "9" * 40])
def test_a_page_number_that_is_not_a_number_is_a_404(client, programme, page):
    get(client, f"{programme.url}?page={page}", status=404)
    get(client, f"{programme.url}past/?page={page}", status=404)


def test_a_page_past_the_end_gives_the_last_page(client, programme):
    assert titles(get(client, programme.url + "?page=5")) == titles(get(client, programme.url))


def test_a_nul_byte_is_a_400(client, programme):
    get(client, programme.url + "?format=%00", status=400)


def test_listing_pages_twelve_at_a_time(client, events):
    for day in range(14):
        EventPageFactory(parent=events, title=f"Day {day + 1}", start=in_days(day + 1), end=in_days(day + 1, 12))
    first, second = get(client, events.url), get(client, events.url + "?page=2")
    assert titles(first) == [f"Day {day}" for day in range(1, 13)]
    assert titles(second) == ["Day 13", "Day 14"]


def test_no_upcoming_events_says_so(client, events):
    assert b"no upcoming events" in get(client, events.url).content


# Elsewhere on the site.


def test_home_page_shows_the_next_three_upcoming_events(client, home_page, programme):
    page = BeautifulSoup(get(client, "/en/").content, "html.parser")
    section = page.find(id="home-events-heading").parent
    assert titles_of(section) == ["Tomorrow in London", "Soon online", "Next month in London"]


def test_home_page_leaves_events_out_when_there_are_none(client, home_page, events):
    assert b"home-events-heading" not in get(client, "/en/").content


def test_events_are_their_own_kind_in_site_search(client, events):
    EventPageFactory(parent=events, title="Example: Nurture groups meeting", status="postponed")
    response = get(client, "/en/search/?q=nurture&kind=events")
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".search-results .card__title a")] == [
        "Example: Nurture groups meeting"
    ]
    assert soup.select_one("label[for=kind-events]").get_text(" ", strip=True) == "Events (1)"
    assert "Postponed" in soup.select_one(".search-results").get_text()


def test_events_and_past_list_are_in_the_sitemap(client, programme):
    sitemap = get(client, "/sitemap.xml").content.decode()
    assert programme.full_url in sitemap
    for event in EventPage.objects.all():
        assert event.full_url in sitemap


def test_taxonomy_is_imported_in_one_place():
    from events import listing, models

    assert listing.Region is models.Region and listing.Topic is models.Topic


def test_person_snippet_is_the_speaker():
    assert EventSpeaker._meta.get_field("person").related_model is Person


# Through the admin.


def event_form(**overrides):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    fields = {
        "title": "Example: Working group meeting",
        "slug": "working-group-meeting",
        "summary": "Music services share their learning around inclusion.",
        "start": "2031-07-01 10:00",
        "end": "2031-07-01 12:30",
        "format": "in-person",
        "status": "scheduled",
        "venue_name": "",
        "venue_address": "",
        "joining_instructions_visibility": "registered",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "related_resources": inline_formset([]),
        "materials": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def test_an_editor_adds_an_event_and_is_told_what_is_missing(admin_client, events):
    from django.urls import reverse

    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", events.pk))
    response = admin_client.post(add_url, event_form(end="2031-07-01 09:00"))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "The event must end after it starts." in text
    assert "Give the venue for an event people come to in person." in text
    assert not EventPage.objects.exists()

    response = admin_client.post(add_url, event_form(venue_name="A hall", venue_address="1 Music Street"))
    assert response.status_code == 302
    event = EventPage.objects.get(slug="working-group-meeting")
    assert event.live and timezone.localtime(event.start).hour == 10  # typed in UK time
    assert event.start == datetime.datetime(2031, 7, 1, 9, 0, tzinfo=datetime.UTC)
