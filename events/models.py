"""Events: the events listing (upcoming and past) and event pages with their calendars.

An event's start and end are stored as aware datetimes and shown in the site's time
zone (Europe/London). Whether an event is upcoming or past is worked out from the
current time on every request, never stored: an event moves to the past list by
itself once it has ended.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.forms import has_nul_byte
from core.images import images_with_renditions
from core.models import BasePage, ExampleContentMixin, public
from events.calendar import calendar_response, web_calendar_links
from taxonomy.models import Audience, Region, Topic

# The taxonomy, in one place: it moves to the taxonomy app (issue 19), and then only this line changes.


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved-online", _("Moved online")


class JoiningVisibility(models.TextChoices):
    OPEN = "open", _("Shown openly on the event page")
    REGISTERED = "registered", _("Only for people who have registered")


# schema.org's names for the status and the format (https://schema.org/EventStatusType, EventAttendanceModeEnumeration).
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}
SCHEMA_ATTENDANCE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def upcoming(events, now=None):
    """The events that have not ended yet, soonest first."""
    return events.filter(end__gte=now or timezone.now()).order_by("start", "pk")


def past(events, now=None):
    """The events that have ended, the most recent first."""
    return events.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def with_card_data(events):
    """Everything an event card shows, in a fixed number of queries however many events there are."""
    return events.select_related("region").prefetch_related(
        Prefetch("listing_image", queryset=images_with_renditions("card"))
    )


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events listing: upcoming events at its own address, past ones under past/, the feed under calendar/.

    (Wagtail's page addresses end in a slash and have no dots, so the calendars are calendar/, not .ics names.)
    """

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("A sentence or two under the title saying what kinds of events the programme runs."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    search_kind = "pages"
    search_kind_label = _("Pages")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("events listing")

    def events(self):
        """The live, public events in this listing, in no particular order."""
        return public(EventPage.objects.live().child_of(self))

    @staticmethod
    def upcoming_cards(events):
        """The events that have not ended, soonest first, with what their cards show (the home page's too)."""
        return with_card_data(upcoming(events))

    def listing(self, request, *, show_past):
        from events.listing import EventListing

        return EventListing(self, request, show_past=show_past)

    def serve(self, request, *args, **kwargs):
        if has_nul_byte(request.GET):
            return HttpResponseBadRequest(_("Your search contained a character we cannot search for."))
        return super().serve(request, *args, **kwargs)

    @path("", name="upcoming")
    def upcoming_events(self, request):
        return self.render(request, context_overrides={"listing": self.listing(request, show_past=False)})

    @path("past/", name="past")
    def past_events(self, request):
        return self.render(request, context_overrides={"listing": self.listing(request, show_past=True)})

    @path("calendar/", name="calendar")
    def calendar(self, request):
        events = upcoming(self.events()).select_related("region")
        return calendar_response(request, events, filename="events.ics", name=self.title)

    def calendar_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("calendar")


class EventPageForm(WagtailAdminPageForm):
    """Offers only the taxonomy terms in the page's own language."""

    TAXONOMY_FIELDS = ("region", "topics", "audiences")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        for name in self.TAXONOMY_FIELDS:
            if name in self.fields and locale_id:
                self.fields[name].queryset = self.fields[name].queryset.filter(locale_id=locale_id)


class EventPage(RoutablePageMixin, ExampleContentMixin, BasePage):
    """One event: a meeting, training session or presentation, with its time, place and booking."""

    summary = models.TextField(
        max_length=400,
        help_text=_(
            "Two or three plain sentences saying what the event is and who it is for. "
            "Shown on cards, in search results and in calendars."
        ),
    )
    start = models.DateTimeField(
        help_text=_("When the event starts, in UK time. For an all-day event, the time is ignored.")
    )
    end = models.DateTimeField(
        help_text=_(
            "When the event ends, in UK time. It moves to the past events list after this. "
            "For an all-day event, the day it ends (the same day for a one-day event)."
        )
    )
    all_day = models.BooleanField(
        default=False,
        verbose_name=_("all day"),
        help_text=_("Tick for an event that lasts whole days: only the dates are shown, not the times."),
    )
    format = models.CharField(
        max_length=20,
        choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
        help_text=_("Where people take part: at a venue, online, or either (hybrid)."),
    )
    status = models.CharField(
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Leave as 'Scheduled' unless plans change. Any other status is shown prominently on the page, "
            "on cards and in calendars."
        ),
    )
    venue_name = models.CharField(
        max_length=150,
        blank=True,
        help_text=_(
            "The venue's name, for example 'Hertfordshire Music Service'. Needed for in-person and hybrid events."
        ),
    )
    venue_address = models.TextField(
        max_length=400,
        blank=True,
        help_text=_(
            "The venue's full address with its postcode, one part a line. Needed for in-person and hybrid events."
        ),
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The region the venue is in, for the listing's region filter. Leave empty for online events."),
    )
    joining_instructions = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("For online and hybrid events: the meeting link and how to join, such as a passcode."),
    )
    joining_instructions_visibility = models.CharField(
        max_length=20,
        choices=JoiningVisibility.choices,
        default=JoiningVisibility.REGISTERED,
        verbose_name=_("who sees the joining instructions"),
        help_text=_(
            "Shown openly: anyone can read them on the page. Only for people who have registered: the page "
            "does not show them (for now, send them to the people who book yourself)."
        ),
    )
    audiences = ParentalManyToManyField(
        Audience, blank=True, related_name="events", help_text=_("Tick the people the event is for.")
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="events", help_text=_("Tick every topic the event covers.")
    )
    cost = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "What it costs to come, for example '£25 per person'. Leave empty for a free event: the page says 'Free'."
        ),
    )
    booking_url = models.URLField(
        blank=True,
        verbose_name=_("booking link"),
        help_text=_(
            "The address of the booking page on another site, such as Eventbrite or Music Mark's. "
            "Leave empty if people do not need to book."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("The programme for the day, what people will get from it and anything they should prepare."),
    )
    write_up = models.ForeignKey(
        "blog.BlogPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("After the event: the blog post that writes it up. The event page links to it."),
    )

    content_panels = BasePage.content_panels + [
        *ExampleContentMixin.example_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day"), FieldPanel("status")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("region", widget=forms.Select),
                FieldPanel("joining_instructions"),
                FieldPanel("joining_instructions_visibility", widget=forms.RadioSelect),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel([FieldPanel("cost"), FieldPanel("booking_url")], heading=_("Cost and booking")),
        InlinePanel(
            "speakers",
            heading=_("Speakers"),
            label=_("Speaker"),
            help_text=_("The people speaking or leading the event, in the order to show them. Add them under People."),
        ),
        FieldPanel("body"),
        InlinePanel("related_resources", heading=_("Related resources"), label=_("Related resource")),
    ]
    after_panels = [
        PageChooserPanel("write_up", "blog.BlogPage"),
        InlinePanel(
            "materials",
            heading=_("Recordings and slides"),
            label=_("Document"),
            help_text=_("Slides, handouts or recordings from the event, as documents. Their type and size are shown."),
        ),
    ]
    filing_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(filing_panels, heading=_("Topics and audiences")),
            ObjectList(after_panels, heading=_("After the event")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=EventPageForm,
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("speakers", [index.RelatedFields("person", [index.SearchField("name")])]),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    search_kind = "events"
    search_kind_label = _("Events")

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("event")
        # The listing filters on the end (upcoming or past) and orders by the start.
        indexes = [models.Index(fields=["end", "start"], name="event_end_start")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day and timezone.localdate(self.end) < timezone.localdate(self.start):
                errors["end"] = _("An all-day event cannot end on a day before it starts.")
            elif not self.all_day and self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID):
            for name in ("venue_name", "venue_address"):
                if not getattr(self, name).strip():
                    errors[name] = _("Give the venue for an event people come to in person.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # modelcluster saves speakers and topics after the page row: index again with them.
        index.insert_or_update_object(self)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_scheduled(self):
        return self.status == EventStatus.SCHEDULED

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def has_venue(self):
        return self.format != EventFormat.ONLINE and self.status != EventStatus.MOVED_ONLINE

    @property
    def shows_joining_instructions(self):
        """Online joining details are on the page only when the editor chose to show them openly."""
        return bool(self.joining_instructions) and self.joining_instructions_visibility == JoiningVisibility.OPEN

    @property
    def cost_label(self):
        return self.cost or _("Free")

    def when(self):
        """The event's dates and times in UK time, as people read them: '3 March 2027, 10:00 to 12:30'."""
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        if self.all_day:
            if start.date() == end.date():
                return date_format(start, "l j F Y")
            return _("%(start)s to %(end)s") % {"start": date_format(start, "j F Y"), "end": date_format(end, "j F Y")}
        if start.date() == end.date():
            return _("%(day)s, %(start)s to %(end)s") % {
                "day": date_format(start, "l j F Y"),
                "start": date_format(start, "H:i"),
                "end": date_format(end, "H:i"),
            }
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "j F Y, H:i"),
            "end": date_format(end, "j F Y, H:i"),
        }

    def get_meta_description(self):
        return self.search_description or self.listing_summary or self.summary

    @cached_property
    def speaker_people(self):
        return [speaker.person for speaker in self.speakers.select_related("person__photo")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["speakers"] = self.speaker_people
        context["materials"] = self.materials.select_related("document")
        context["related_resources"] = [
            item.resource
            for item in self.related_resources.select_related("resource__resource_type").prefetch_related(
                Prefetch("resource__listing_image", queryset=images_with_renditions("card"))
            )
            if item.resource.live
        ]
        context["write_up"] = self.write_up if self.write_up and self.write_up.live else None
        context["calendar_url"] = self.ics_url(request)
        context["calendar_links"] = web_calendar_links(self, request)
        context["term_names"] = {
            "topics": [topic.name for topic in self.topics.all()],
            "audiences": [audience.name for audience in self.audiences.all()],
        }
        return context

    def ics_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("ics")

    @path("calendar/", name="ics")
    def ics(self, request):
        return calendar_response(request, [self], filename=f"{self.slug}.ics", name=self.title)

    def get_structured_data(self, request=None):
        """The event as a schema.org Event, with its status, attendance mode, place, offer and speakers."""
        event = self.get_web_page_data(request, schema_type="Event")
        event["name"] = self.title
        event["description"] = self.summary
        if self.all_day:
            event["startDate"] = timezone.localdate(self.start).isoformat()
            event["endDate"] = timezone.localdate(self.end).isoformat()
        else:
            event["startDate"] = timezone.localtime(self.start).isoformat()
            event["endDate"] = timezone.localtime(self.end).isoformat()
        event["eventStatus"] = SCHEMA_STATUS[self.status]
        event_format = EventFormat.ONLINE if self.status == EventStatus.MOVED_ONLINE else self.format
        event["eventAttendanceMode"] = SCHEMA_ATTENDANCE[event_format]
        locations = []
        if event_format != EventFormat.ONLINE:
            locations.append({"@type": "Place", "name": self.venue_name, "address": self.venue_address})
        if event_format != EventFormat.IN_PERSON:
            locations.append({"@type": "VirtualLocation", "url": self.get_full_url(request)})
        event["location"] = locations[0] if len(locations) == 1 else locations
        event["isAccessibleForFree"] = not self.cost
        if self.booking_url:
            event["offers"] = {"@type": "Offer", "url": self.booking_url}
            if not self.cost:
                event["offers"].update(price="0", priceCurrency="GBP")
        if self.speaker_people:
            event["performer"] = [{"@type": "Person", "name": person.name} for person in self.speaker_people]
        return [event]

    def search_result_meta(self):
        """What site search shows under an event's title: its date and, when it is not scheduled, its status."""
        meta = [date_format(timezone.localtime(self.start), "j F Y")]
        if not self.is_scheduled:
            meta.append(self.get_status_display())
        return meta


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "blog.Person",
        on_delete=models.CASCADE,
        related_name="events",
        help_text=_("Choose a speaker from People, or create them there first."),
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")


class EventRelatedResource(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A resource from the library that people coming to the event would find useful."),
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")


class EventMaterial(Orderable):
    """A document from after the event: slides, a handout or a recording."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose or upload the file."),
    )
    label = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("What the file is, for example 'Slides' or 'Recording'. Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("document from the event")

    @property
    def display_label(self):
        return self.label or self.document.title
