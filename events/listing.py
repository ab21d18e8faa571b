"""The events listing's filters, counts and pages, for the upcoming list and the past one.

The filters are declared in FILTERS and read by core.filters, as the library's are:
an unknown value is dropped and the rest still apply, a page number that is not one
is a 404 (core.paging). Counts, choices and results are of the list shown (upcoming
or past), so a count is never a promise the other list keeps.

The number of SQL queries is the same however many events there are.
"""

from django.db.models import F, Q
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.filters import Filter, FilterSet, Option, any_of, term_filter
from core.i18n import locale_id
from core.paging import paginate
from events.models import EventFormat, EventPage, past, upcoming, with_card_data
from taxonomy.models import Audience, Region, Topic

PER_PAGE = 12
NOINDEX_FROM = 2  # as the library: a view with two or more choices is not indexed

FILTERS = [
    Filter(
        "format",
        _("Format"),
        lambda formats: Q(format__in=formats),
        choices=EventFormat.choices,
        counted_by=F("format"),
    ),
    term_filter(EventPage, "region", _("Region"), "region"),
    term_filter(EventPage, "audience", _("Audience"), "audiences"),
    term_filter(EventPage, "topic", _("Topic"), "topics"),
    # One date range per year (the __year lookup), which the start column serves.
    Filter("year", _("Year"), any_of(lambda year: Q(start__year=int(year))), counted_by=ExtractYear("start")),
]
TAXONOMY = {"region": Region, "audience": Audience, "topic": Topic}


class EventListing:
    """The events one list shows for one request (upcoming, or with show_past the past ones)."""

    def __init__(self, index_page, request, *, show_past):
        self.request = request
        self.index_page = index_page
        self.show_past = show_past
        self.all_events = (past if show_past else upcoming)(index_page.events())
        language = locale_id(get_language())
        choices = {
            name: list(model.objects.filter(locale=language).values_list("slug", "name", "translation_key"))
            for name, model in TAXONOMY.items()
        }
        choices["year"] = [(str(year), str(year)) for year in self.years()]
        self.filters = FilterSet(request.GET, FILTERS, choices=choices)

    def years(self):
        """The years the list's events start in, in the list's order."""
        years = self.all_events.annotate(year=ExtractYear("start")).values_list("year", flat=True)
        return sorted(set(years.order_by().distinct()), reverse=self.show_past)

    @cached_property
    def counts(self):
        return self.filters.counts(self.all_events)

    @cached_property
    def results(self):
        events = with_card_data(self.filters.narrowed(self.all_events))
        return paginate(self.request, events, PER_PAGE, count=self.counts["total"])

    @cached_property
    def groups(self):
        """[(filter, [Option])] for the template's checkboxes, in the filters' order."""
        return [
            (
                item,
                [
                    Option(
                        value=choice.value,
                        label=choice.label,
                        count=self.counts[item.name].get(choice.value, 0),
                        selected=choice.value in self.filters.values(item.name),
                    )
                    for choice in self.filters.choices[item.name]
                ],
            )
            for item in FILTERS
        ]

    @property
    def chips(self):
        return self.filters.chips

    @property
    def noindex(self):
        return len(self.chips) >= NOINDEX_FROM

    @property
    def upcoming_url(self):
        return self.index_page.url

    @property
    def past_url(self):
        return self.index_page.url + self.index_page.reverse_subpage("past")

    @property
    def calendar_url(self):
        return self.index_page.url + self.index_page.reverse_subpage("calendar")

    @property
    def canonical_url(self):
        """The list's full address, for its canonical link; canonical_query follows it."""
        return self.index_page.get_full_url(self.request) + (self.path[len(self.upcoming_url) :])

    @property
    def path(self):
        """The list's own address: the index, or its past/ route."""
        return self.past_url if self.show_past else self.upcoming_url

    @property
    def canonical_query(self):
        """The query string search engines should index this view under: valid choices and the page number."""
        query = self.filters.query()
        if self.results.number > 1:
            query["page"] = str(self.results.number)
        return query.urlencode()
