"""Events as iCalendar (.ics): one event's file, and the feed of upcoming events people subscribe to.

Times are written in UTC, which every calendar converts to its owner's zone; an all-day
event is written as dates, its end the day after it ends (iCalendar's end is exclusive).
An event that is not going ahead is marked CANCELLED, so subscribed calendars drop it.
"""

from datetime import UTC, timedelta
from urllib.parse import urlencode, urlsplit

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

PRODUCT_ID = "-//Changing Tracks//Events//EN"
# How often subscribed calendars should look again (RFC 7986 REFRESH-INTERVAL).
REFRESH_INTERVAL = timedelta(hours=12)


def uid(event, request):
    """A stable, unique id for the event: its translation key (the same in every language) and the site's host."""
    return f"{event.translation_key}@{urlsplit(event.get_full_url(request)).hostname}"


def location(event):
    if event.has_venue:
        return ", ".join(part for part in [event.venue_name, *event.venue_address.splitlines()] if part.strip())
    return _("Online")


def ics_event(event, request):
    entry = icalendar.Event()
    entry.add("uid", uid(event, request))
    entry.add("dtstamp", timezone.now())
    summary = event.title if event.is_scheduled else f"{event.get_status_display()}: {event.title}"
    entry.add("summary", summary)
    entry.add("description", strip_tags(event.summary))
    if event.all_day:
        entry.add("dtstart", timezone.localdate(event.start))
        entry.add("dtend", timezone.localdate(event.end) + timedelta(days=1))
    else:
        entry.add("dtstart", event.start.astimezone(UTC))
        entry.add("dtend", event.end.astimezone(UTC))
    entry.add("location", location(event))
    entry.add("url", event.get_full_url(request))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    return entry


def build_calendar(events, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL)
    for event in events:
        calendar.add_component(ics_event(event, request))
    return calendar


def calendar_response(request, events, *, filename, name):
    """An .ics file of these events, offered to calendars under filename."""
    calendar = build_calendar(events, request, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def web_calendar_links(event, request):
    """[(name, url)] that open a new event in the web calendars people use most, filled in with this one."""
    if event.all_day:
        dates = [timezone.localdate(event.start), timezone.localdate(event.end) + timedelta(days=1)]
        google_dates = "/".join(day.strftime("%Y%m%d") for day in dates)
        outlook_times = {"startdt": dates[0].isoformat(), "enddt": dates[1].isoformat(), "allday": "true"}
    else:
        times = [event.start.astimezone(UTC), event.end.astimezone(UTC)]
        google_dates = "/".join(time.strftime("%Y%m%dT%H%M%SZ") for time in times)
        outlook_times = {"startdt": times[0].isoformat(), "enddt": times[1].isoformat()}
    details = f"{event.summary}\n\n{event.get_full_url(request)}"
    google = {"action": "TEMPLATE", "text": event.title, "dates": google_dates, "details": details}
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title, "body": details}
    google["location"] = outlook["location"] = location(event)
    return [
        ("Google Calendar", "https://calendar.google.com/calendar/render?" + urlencode(google)),
        (
            "Outlook.com",
            "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode({**outlook, **outlook_times}),
        ),
    ]
