"""Listing filters, declared once: the library, the partner directory, the blog and search use them.

A listing declares its filters as a list of Filter (each one URL parameter) and reads
a request's query string with a FilterSet, which validates every value before it
touches a queryset and gives the chosen values, the narrowed queryset, the counts
per option, the removable chips and the links with one choice changed.

Bad values are handled one way on every listing, and the page always shows:
- a value that is not one of a filter's choices (a stale bookmark, a mistyped slug)
  is dropped quietly and the rest still apply;
- a value typed into a box that is not valid (a year in words) is ignored too, and
  its field shows the error beside it, with the value as typed.

Choices combine with AND across filters and OR within one.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Cast, Concat
from django.http import QueryDict
from django.utils.functional import cached_property

from core.forms import LenientChoiceField, LenientMultipleChoiceField


class Choice(NamedTuple):
    """One option of a filter: its URL value, its label and what its condition matches (the value if None)."""

    value: str
    label: str
    key: object = None


@dataclass(frozen=True)
class Filter:
    """One filter of a listing: its URL parameter, label, how it is chosen and how it narrows a queryset.

    condition(keys) is a Q matching any of the chosen choices' keys (or the typed
    value); a filter without one is applied by its listing (a keyword search).
    field() makes the form field of a typed filter; the others offer choices (fixed
    here, or given per request to the FilterSet), as checkboxes (several at once) or, when not multiple, a select
    whose blank option reads blank_label. A filter with counted_by gets a count per option: counted_by is
    the expression giving a row's option key (a column, or a field through a join to a link table), or
    several keys separated by spaces; a key is the choice's key, or its value when it has none.
    counted_through_links says counted_by goes through a link table, giving a row per key.
    """

    name: str
    label: str
    condition: Callable[[list], Q] | None = None
    choices: tuple = ()
    multiple: bool = True
    blank_label: str = ""
    field: Callable[[], forms.Field] | None = None
    counted_by: object = None
    counted_through_links: bool = False
    removable: bool = True  # shown as a chip

    def form_field(self, choices):
        if self.field is not None:
            return self.field()
        if self.multiple:
            return LenientMultipleChoiceField(label=self.label, choices=[choice[:2] for choice in choices])
        return LenientChoiceField(
            label=self.label, choices=[("", self.blank_label), *(choice[:2] for choice in choices)]
        )


def parameter_names(*filter_lists):
    """The URL parameters of these filters (the page cache keeps them in its key)."""
    return [item.name for filters in filter_lists for item in filters]


@dataclass
class Option:
    """One option of a counted filter as a listing's template shows it: a checkbox with its count."""

    value: str
    label: str
    count: int
    selected: bool
    css_class: str = ""


class Chip(NamedTuple):
    """A chosen filter value shown above the results, linking to the listing without it."""

    label: str
    url: str


class FilterSet:
    """A listing's filters read from one request's query string.

    choices gives the filters whose choices depend on the request their (value, label[, key]) list.
    Chips read "Filter: value" or, with chips_name_the_filter=False, just the value.
    """

    def __init__(self, data, filters, *, choices=None, chips_name_the_filter=True):
        self.filters = filters
        choices = choices or {}
        self.choices = {
            item.name: [Choice(*choice) for choice in choices.get(item.name, item.choices)] for item in filters
        }
        self.chips_name_the_filter = chips_name_the_filter
        self.form = forms.Form(data)
        for item in filters:
            self.form.fields[item.name] = item.form_field(self.choices[item.name])
        self.form.is_valid()
        # A field with an error is missing from cleaned_data: it is ignored, its error shown beside it.
        self.cleaned = {
            item.name: self.form.cleaned_data[item.name]
            for item in filters
            if self.form.cleaned_data.get(item.name) not in (None, "", [])
        }

    def values(self, name):
        """The chosen values of one filter, as strings in the choices' order ([] if none)."""
        value = self.cleaned.get(name)
        if value is None:
            return []
        return [str(item) for item in value] if isinstance(value, list) else [str(value)]

    def condition(self, item, values=None):
        """A Q for the filter's chosen values (or the values given), or None if there are none."""
        values = self.values(item.name) if values is None else values
        if item.condition is None or not values:
            return None
        keys = {choice.value: choice.key for choice in self.choices[item.name]}
        return item.condition([keys.get(value) if keys.get(value) is not None else value for value in values])

    def narrowed(self, queryset, *, without=None):
        """The queryset narrowed by every chosen filter but the one named without."""
        for item in self.filters:
            condition = self.condition(item) if item.name != without else None
            if condition is not None:
                queryset = queryset.filter(condition)
        return queryset

    def counts(self, queryset):
        """{"total": results, filter name: {value: count}} for the counted filters, in one query.

        An option's count is the number of results with that option as the only choice
        of its filter and every other filter as chosen, so a count is never a promise
        the results break. A filter with no choice made is counted over the results
        themselves, so those with one key per row are counted with the total, grouped by
        all their keys at once; each other filter is grouped by its own key over the rows
        the other filters leave. The query is the UNION ALL of those groupings, each row
        a part's number, its keys (one text, a filter's keys apart from the next's by
        "|") and a count.
        """
        counted = [item for item in self.filters if item.counted_by is not None]
        with_total = [item for item in counted if not item.counted_through_links and not self.values(item.name)]
        groupings = [(self.narrowed(queryset), with_total)] + [
            (self.narrowed(queryset, without=item.name), [item]) for item in counted if item not in with_total
        ]
        parts = [count_by(rows, number, items) for number, (rows, items) in enumerate(groupings)]
        counts = {"total": 0, **{item.name: Counter() for item in counted}}
        for row in parts[0].union(*parts[1:], all=True):
            if row["part"] == 0:
                counts["total"] += row["results"]
            items = groupings[row["part"]][1]
            for item, keys in zip(items, (row["option_key"] or "").split(SEPARATOR), strict=False):
                for key in keys.split():
                    counts[item.name][comparable(key)] += row["results"]
        for item in counted:
            counts[item.name] = {
                choice.value: counts[item.name][comparable(choice.value if choice.key is None else choice.key)]
                for choice in self.choices[item.name]
            }
        return counts

    def query(self, **changes):
        """The valid choices as a QueryDict in the filters' order, some replaced: the shareable form of a view."""
        query = QueryDict(mutable=True)
        for item in self.filters:
            values = changes[item.name] if item.name in changes else self.values(item.name)
            if values is None:
                continue
            values = [str(value) for value in values] if isinstance(values, list) else [str(values)]
            if values:
                query.setlist(item.name, values)
        return query

    def url(self, **changes):
        """A link to the listing with some choices replaced, back on its first page ("?" when none is left)."""
        return "?" + self.query(**changes).urlencode()

    @cached_property
    def chips(self):
        """A Chip for every chosen value, in the filters' order."""
        chips = []
        for item in self.filters:
            if not item.removable:
                continue
            labels = {choice.value: choice.label for choice in self.choices[item.name]}
            values = self.values(item.name)
            for value in values:
                label = labels.get(value, value)
                text = f"{item.label}: {label}" if self.chips_name_the_filter else str(label)
                chips.append(Chip(text, self.url(**{item.name: [other for other in values if other != value]})))
        return chips


def term_condition(model, lookup):
    """A condition for model's rows with any of the chosen taxonomy terms (by translation key) in field lookup.

    Terms are matched by translation key because a translated page may still point at the
    source language's terms. A many-to-many field is matched with a subquery on its link
    table rather than a join, so a row with two chosen terms is listed once.
    """

    def condition(keys):
        field = model._meta.get_field(lookup)
        if not field.many_to_many:
            return Q(**{f"{lookup}__translation_key__in": keys})
        links = field.remote_field.through.objects.filter(
            **{f"{field.m2m_reverse_field_name()}__translation_key__in": keys}
        )
        return Q(pk__in=links.values(field.m2m_field_name()))

    return condition


def term_filter(model, name, label, lookup):
    """A counted filter on a taxonomy field of model: its rows with any of the chosen terms, counted per term."""
    return Filter(
        name,
        label,
        term_condition(model, lookup),
        counted_by=F(f"{lookup}__translation_key"),
        counted_through_links=model._meta.get_field(lookup).many_to_many,
    )


def any_of(make_condition):
    """The OR of one condition per chosen value."""

    def condition(values):
        combined = Q()
        for value in values:
            combined |= make_condition(value)
        return combined

    return condition


SEPARATOR = "|"


def count_by(rows, number, items):
    """The rows' count for each combination of the items' option keys, as (part, option_key, results) rows."""
    keys = []
    for item in items:
        keys += [Value(SEPARATOR)] if keys else []
        keys.append(Cast(item.counted_by, CharField()))
    key = Concat(*keys, output_field=CharField()) if len(keys) > 1 else (keys or [Value("")])[0]
    distinct = any(item.counted_through_links for item in items)
    return rows.order_by().values(part=Value(number), option_key=key).annotate(results=Count("pk", distinct=distinct))


def comparable(key):
    """An option key as text without hyphens: SQLite gives a UUID as its hex digits, PostgreSQL with hyphens."""
    return str(key).replace("-", "")
