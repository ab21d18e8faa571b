"""The resource library's filters: validated, combined and counted.

The library page has one GET form. Its filter groups are resource type, topic,
HEARD principle, audience, region and year, plus a keyword box. Choices combine
with AND across groups and OR within a group. Each option's count is the
number of resources the page would list with that option as the only choice in
its group and every other group as chosen, so a count is never a promise the
results break.

The form validates every value before it touches a queryset: an unknown slug
or year is dropped and the rest are kept. Taxonomy terms are those of the
active language; resources are matched to terms by translation key, because
a translated resource may still point at the source language's terms.

The number of SQL queries is the same however many resources there are.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.blocks import HEARD_PRINCIPLES
from core.forms import LenientMultipleChoiceField, QueryField
from core.i18n import locale_id
from core.images import images_with_renditions
from core.paging import paginate
from resources.models import Audience, Region, ResourcePage, ResourceType, Topic

PER_PAGE = 12
NOINDEX_FROM = 2  # choices, the keyword included, from which a view is not indexed


@dataclass
class Group:
    """A filter group: its URL parameter, legend and how it narrows a queryset."""

    name: str
    legend: str
    lookup: str = ""  # the resource field holding the term, for taxonomy groups
    model: type | None = None


GROUPS = [
    Group("type", _("Resource type"), "resource_type", ResourceType),
    Group("topic", _("Topic"), "topics", Topic),
    Group("principle", _("HEARD principle")),
    Group("audience", _("Audience"), "audiences", Audience),
    Group("region", _("Region"), "regions", Region),
    Group("year", _("Year published")),
]


class Term(NamedTuple):
    """A taxonomy term as the filters need it: plain data, so it can be cached."""

    slug: str
    name: str
    translation_key: str


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    css_class: str = ""


class LibraryFilterForm(forms.Form):
    q = QueryField(label=_("Keywords"))

    def __init__(self, data, *, terms, years):
        super().__init__(data)
        for group in GROUPS:
            if group.model is not None:
                choices = [(term.slug, term.name) for term in terms[group.name]]
            elif group.name == "principle":
                choices = [(slug, name) for slug, name, _meaning in HEARD_PRINCIPLES]
            else:
                choices = [(str(year), str(year)) for year in years]
            self.fields[group.name] = LenientMultipleChoiceField(choices=choices, label=group.legend)


class Library:
    """The resources a library page lists for one request, with its form, options and chips."""

    def __init__(self, index_page, request):
        self.request = request
        self.index_page = index_page
        self.all_resources = ResourcePage.objects.live().public().child_of(index_page)
        self.terms = self.active_language_terms()
        self.years = self.publication_years()
        self.form = LibraryFilterForm(request.GET, terms=self.terms, years=self.years)
        self.form.is_valid()  # every field is lenient: the form is always valid
        self.chosen = self.form.cleaned_data
        self.keywords = self.chosen["q"]

    @staticmethod
    def active_language_terms():
        language = locale_id(get_language())
        return {
            group.name: [
                Term(*values)
                for values in group.model.objects.filter(locale=language).values_list("slug", "name", "translation_key")
            ]
            for group in GROUPS
            if group.model
        }

    def publication_years(self):
        years = self.all_resources.annotate(year=ExtractYear("publication_date")).values_list("year", flat=True)
        return sorted(set(years.order_by().distinct()), reverse=True)

    def group_filter(self, group, values=None):
        """A Q narrowing resources to the group's choices, or to the values given (OR within the group), or None."""
        values = self.chosen[group.name] if values is None else values
        if not values:
            return None
        if group.model is not None:
            keys = [term.translation_key for term in self.terms[group.name] if term.slug in values]
            field = ResourcePage._meta.get_field(group.lookup)
            if not field.many_to_many:
                return Q(**{f"{group.lookup}__translation_key__in": keys})
            # A subquery on the link table rather than a join, so a resource with two chosen topics is listed once.
            links = field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}__translation_key__in": keys}
            )
            return Q(pk__in=links.values(field.m2m_field_name()))
        if group.name == "principle":
            condition = Q()
            for slug in values:
                condition |= Q(**{f"heard_{slug}": True})
            return condition
        # One date range per year (the __year lookup), which the publication date index serves; __year__in cannot.
        condition = Q()
        for year in values:
            condition |= Q(publication_date__year=int(year))
        return condition

    def keyword_filtered(self, resources):
        if not self.keywords:
            return resources
        matches = resources.search(self.keywords, operator="and", order_by_relevance=False)
        # The database backends expose the matching rows as a queryset, so the
        # keyword narrows the other filters and counts inside the same SQL.
        return resources.filter(pk__in=matches.get_queryset().values("pk"))

    def filtered(self, except_group=None):
        """Resources matching the keyword and every chosen group but one."""
        resources = self.keyword_filtered(self.all_resources)
        for group in GROUPS:
            if group is not except_group:
                condition = self.group_filter(group)
                if condition is not None:
                    resources = resources.filter(condition)
        return resources

    @cached_property
    def results(self):
        resources = (
            self.filtered()
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
        """The counts, in one query. An option's count is a COUNT with a FILTER: the option and the
        choices of every other group. The keyword applies to all, so it narrows the rows."""
        chosen = {group.name: self.group_filter(group) for group in GROUPS}
        aggregates = {"total": filtered_count([condition for condition in chosen.values() if condition is not None])}
        for number, group in enumerate(GROUPS):
            others = [chosen[other.name] for other in GROUPS if other is not group and chosen[other.name] is not None]
            for position, (value, _label) in enumerate(self.form.fields[group.name].choices):
                aggregates[f"{number}_{position}"] = filtered_count([*others, self.group_filter(group, [value])])
        row = self.keyword_filtered(self.all_resources).order_by().aggregate(**aggregates)
        counts = {"total": row["total"]}
        for number, group in enumerate(GROUPS):
            choices = self.form.fields[group.name].choices
            counts[group.name] = {
                value: row[f"{number}_{position}"] for position, (value, _label) in enumerate(choices)
            }
        return counts

    @cached_property
    def groups(self):
        """[(group, bound field, [Option])] for the template, in the form's order."""
        groups = []
        for group in GROUPS:
            counts = self.counts[group.name]
            field = self.form[group.name]
            options = [
                Option(
                    value=value,
                    label=label,
                    count=counts.get(value, 0),
                    selected=value in self.chosen[group.name],
                    css_class=f"heard-tag--{value}" if group.name == "principle" else "",
                )
                for value, label in field.field.choices
            ]
            groups.append((group, field, options))
        return groups

    @cached_property
    def chips(self):
        """[(label, URL without that choice)] for every choice, keyword first."""
        chips = []
        if self.keywords:
            chips.append((_("Keywords: %(words)s") % {"words": self.keywords}, self.url_without("q", None)))
        for group in GROUPS:
            labels = dict(self.form.fields[group.name].choices)
            for value in self.chosen[group.name]:
                chips.append((f"{group.legend}: {labels[value]}", self.url_without(group.name, value)))
        return chips

    def url_without(self, name, value):
        """The library URL with one choice removed (the keyword if value is None), back on page 1."""
        query = self.normalised_query()
        if value is None:
            query.pop(name, None)
        else:
            query.setlist(name, [item for item in query.getlist(name) if item != value])
        return "?" + query.urlencode() if query else "?"

    def normalised_query(self):
        """The valid choices as a QueryDict, in the form's order: the shareable form of this view."""
        query = QueryDict(mutable=True)
        if self.keywords:
            query["q"] = self.keywords
        for group in GROUPS:
            if self.chosen[group.name]:
                query.setlist(group.name, self.chosen[group.name])
        return query

    @property
    def noindex(self):
        return len(self.chips) >= NOINDEX_FROM

    @property
    def canonical_query(self):
        """The query string search engines should index this view under: valid choices and the page number."""
        query = self.normalised_query()
        if self.results.number > 1:
            query["page"] = str(self.results.number)
        return query.urlencode()


def filtered_count(conditions):
    """COUNT of the resources meeting every condition (all of them when there are none)."""
    if not conditions:
        return Count("pk")
    combined = Q()
    for condition in conditions:
        combined &= condition
    return Count("pk", filter=combined)
