"""Demo events: examples that show how the events listing, calendars and event pages work.

The seeds give no event dates, times, venues or booking pages, so every event here is an
example: its title starts "Example:", its page says it is example content, and its
dates are counted from the day the demo is first loaded, so that the listing always
has upcoming and past events to show. What the events say about the programme is what
the seeds say: the working group, run with Music Mark, where music services share their
learning on inclusion and give each other support and challenge; the training, talks
and consultancy the programme offers music services and hub groups.

The working group's meetings are one example series of occurrences. No venue is
invented: the meetings are online, and the one in-person example names an "Example venue".
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from demo.helpers import child_page, stream
from events.models import EventIndexPage, EventPage
from taxonomy.models import Audience, Region, Topic

# The example series: the working group's meetings, this many days from the day the demo is loaded.
MEETING_DAYS = [-84, 14, 98, 182]

WORKING_GROUP_SUMMARY = (
    "An example meeting of the National Music Services Working Group for Inclusion, which we run in partnership "
    "with Music Mark: music services share their learning around inclusion and give each other support and challenge."
)
WORKING_GROUP_BODY = stream(
    ("heading", {"text": "What the group is for", "level": "h2"}),
    (
        "paragraph",
        "<p>The purpose of the group is for music services to share their learning around inclusion and to "
        "provide support and challenge to each other.</p>"
        "<p>The action research partners also share their emerging findings on the drivers and barriers for "
        "inclusion.</p>",
    ),
    ("heading", {"text": "About this example", "level": "h2"}),
    (
        "paragraph",
        "<p>This meeting is an example, to show how the site lists the group's meetings. Its date and time are "
        "examples too.</p>",
    ),
)


def at(days, hour, minute=0):
    """An aware datetime days from today at hour:minute, UK time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def terms(model, *slugs):
    return list(model.objects.filter(locale=Locale.get_default(), slug__in=slugs))


def load(home):
    index = child_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro="Working group meetings, training and presentations for music services and hubs.",
        listing_summary="Meetings, training and presentations from Changing Tracks.",
    )
    leaders = terms(Audience, "music-service-leaders")
    for number, days in enumerate(MEETING_DAYS, start=1):
        child_page(
            index,
            EventPage,
            f"example-working-group-meeting-{number}",
            title="Example: National Music Services Working Group for Inclusion meeting",
            is_example_content=True,
            summary=WORKING_GROUP_SUMMARY,
            start=at(days, 10),
            end=at(days, 12, 30),
            format="online",
            joining_instructions_visibility="registered",
            body=WORKING_GROUP_BODY,
            audiences=leaders,
        )
    child_page(
        index,
        EventPage,
        "example-training-for-a-regional-hub-group",
        title="Example: Inclusion training for a regional hub group",
        is_example_content=True,
        summary=(
            "An example of the training we can provide for a regional hub group, music education hub or music "
            "service, to help music services embed equality, diversity and inclusion."
        ),
        start=at(45, 0),
        end=at(45, 0),
        all_day=True,
        format="in-person",
        venue_name="Example venue",
        venue_address="Example address, to show where a venue's address goes",
        region=next(iter(terms(Region, "east-of-england")), None),
        audiences=terms(Audience, "music-service-leaders", "hub-partners"),
        topics=terms(Topic, "strategy-and-leadership"),
        body=stream(
            (
                "paragraph",
                "<p>Would you like us to present or provide training or consultancy for your regional hub group, "
                "music education hub or music service? This example shows how such a day appears on the site.</p>",
            ),
        ),
    )
    child_page(
        index,
        EventPage,
        "example-cancelled-presentation",
        title="Example: A cancelled presentation",
        is_example_content=True,
        summary="An example of how the site shows an event that has been cancelled: on its page, its card and in "
        "calendars.",
        start=at(30, 14),
        end=at(30, 15),
        format="online",
        status="cancelled",
        topics=terms(Topic, "nurture-groups"),
    )
    return index
