"""The resource library's filters: validated, combined and counted.

The library page has one GET form. Its filter groups are resource type, topic,
HEARD principle, audience, region and year, plus a keyword box. Choices combine
with AND across groups and OR within a group. Each option's count is the
number of resources the page would list with that option as the only choice in
its group and every other group as chosen, so a count is never a promise the
results break.

The filters are declared in FILTERS and read by core.filters, which validates
every value before it touches a queryset: an unknown slug or year is dropped and
the rest are kept. Taxonomy terms are those of the
active language; resources are matched to terms by translation key, because
a translated resource may still point at the source language's terms.

The number of SQL queries is the same however many resources there are.
"""

from django.db.models import Case, Prefetch, Q, Value, When
from django.db.models.functions import Concat, ExtractYear
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.filters import Filter, FilterSet, Option, any_of, term_filter
from core.forms import QueryField
from core.i18n import locale_id
from core.images import images_with_renditions
from core.paging import paginate
from resources.models import ResourcePage
from taxonomy.models import Audience, Region, ResourceType, Topic
from taxonomy.principles import HEARD_PRINCIPLES

PER_PAGE = 12
NOINDEX_FROM = 2  # choices, the keyword included, from which a view is not indexed


def principle_slugs():
    """A resource's HEARD principles as one text, each slug and a space: five yes/no columns counted in one pass."""
    return Concat(
        *(
            Case(When(**{f"heard_{slug}": True}, then=Value(f"{slug} ")), default=Value(""))
            for slug, *_ in HEARD_PRINCIPLES
        )
    )


FILTERS = [
    # The keyword is matched by the search backend (Library.keyword_filtered), not by a condition.
    Filter("q", _("Keywords"), field=lambda: QueryField(label=_("Keywords"))),
    term_filter(ResourcePage, "type", _("Resource type"), "resource_type"),
    term_filter(ResourcePage, "topic", _("Topic"), "topics"),
    Filter(
        "principle",
        _("HEARD principle"),
        any_of(lambda slug: Q(**{f"heard_{slug}": True})),
        counted_by=principle_slugs(),
    ),
    term_filter(ResourcePage, "audience", _("Audience"), "audiences"),
    term_filter(ResourcePage, "region", _("Region"), "regions"),
    # One date range per year (the __year lookup), which the publication date index serves; __year__in cannot.
    Filter(
        "year",
        _("Year published"),
        any_of(lambda year: Q(publication_date__year=int(year))),
        counted_by=ExtractYear("publication_date"),
    ),
]
TAXONOMY = {"type": ResourceType, "topic": Topic, "audience": Audience, "region": Region}


class Library:
    """The resources a library page lists for one request, with its filters, options and chips."""

    def __init__(self, index_page, request):
        self.request = request
        self.index_page = index_page
        # Wagtail's public(): the site's one-query version cannot be searched (core.models.public).
        self.all_resources = ResourcePage.objects.live().public().child_of(index_page)
        terms = self.active_language_terms()
        years = self.publication_years()
        choices = {
            **terms,
            "principle": [(slug, name) for slug, name, _meaning in HEARD_PRINCIPLES],
            "year": [(str(year), str(year)) for year in years],
        }
        self.filters = FilterSet(request.GET, FILTERS, choices=choices)
        self.keywords = self.filters.cleaned.get("q", "")

    @staticmethod
    def active_language_terms():
        language = locale_id(get_language())
        return {
            name: list(model.objects.filter(locale=language).values_list("slug", "name", "translation_key"))
            for name, model in TAXONOMY.items()
        }

    def publication_years(self):
        years = self.all_resources.annotate(year=ExtractYear("publication_date")).values_list("year", flat=True)
        return sorted(set(years.order_by().distinct()), reverse=True)

    def keyword_filtered(self, resources):
        if not self.keywords:
            return resources
        matches = resources.search(self.keywords, operator="and", order_by_relevance=False)
        # The database backends expose the matching rows as a queryset, so the
        # keyword narrows the other filters and counts inside the same SQL.
        return resources.filter(pk__in=matches.get_queryset().values("pk"))

    @cached_property
    def results(self):
        resources = (
            self.filters.narrowed(self.keyword_filtered(self.all_resources))
            .select_related("resource_type")
            .prefetch_related(Prefetch("listing_image", queryset=images_with_renditions("card")))
            .order_by("-publication_date", "-pk")
        )
        return paginate(self.request, resources, PER_PAGE, count=self.counts["total"])

    @cached_property
    def counts(self):
        """The number of results, and for each group {option value: resources it would give}."""
        return self.count_resources()

    def count_resources(self):
        """The counts, in one query: the keyword applies to all, so it narrows the rows."""
        return self.filters.counts(self.keyword_filtered(self.all_resources))

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
                        css_class=f"heard-tag--{choice.value}" if item.name == "principle" else "",
                    )
                    for choice in self.filters.choices[item.name]
                ],
            )
            for item in FILTERS
            if item.counted_by is not None
        ]

    @property
    def chips(self):
        return self.filters.chips

    @property
    def noindex(self):
        return len(self.chips) >= NOINDEX_FROM

    @property
    def canonical_query(self):
        """The query string search engines should index this view under: valid choices and the page number."""
        query = self.filters.query()
        if self.results.number > 1:
            query["page"] = str(self.results.number)
        return query.urlencode()
