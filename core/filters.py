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

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.db.models import Count, Q
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
    whose blank option reads blank_label. counted filters get a count per option.
    """

    name: str
    label: str
    condition: Callable[[list], Q] | None = None
    choices: tuple = ()
    multiple: bool = True
    blank_label: str = ""
    field: Callable[[], forms.Field] | None = None
    counted: bool = False
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
        the results break. Conditions are applied as COUNT ... FILTER, not as joins.
        """
        chosen = {item.name: self.condition(item) for item in self.filters}
        aggregates = {"total": count_where([condition for condition in chosen.values() if condition is not None])}
        for number, item in enumerate(self.filters):
            if not item.counted:
                continue
            others = [
                chosen[other.name] for other in self.filters if other is not item and chosen[other.name] is not None
            ]
            for position, choice in enumerate(self.choices[item.name]):
                aggregates[f"{number}_{position}"] = count_where([*others, self.condition(item, [choice.value])])
        row = queryset.order_by().aggregate(**aggregates)
        counts = {"total": row["total"]}
        for number, item in enumerate(self.filters):
            if item.counted:
                counts[item.name] = {
                    choice.value: row[f"{number}_{position}"] for position, choice in enumerate(self.choices[item.name])
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


def any_of(make_condition):
    """The OR of one condition per chosen value."""

    def condition(values):
        combined = Q()
        for value in values:
            combined |= make_condition(value)
        return combined

    return condition


def count_where(conditions):
    """COUNT of the rows meeting every condition (all of them when there are none)."""
    if not conditions:
        return Count("pk")
    combined = Q()
    for condition in conditions:
        combined &= condition
    return Count("pk", filter=combined)
