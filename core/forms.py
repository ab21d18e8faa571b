"""Form fields for visitor-facing filters and search boxes: lenient, never a 500."""

import re

from django import forms

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


def has_nul_byte(query_dict):
    """Whether any GET parameter contains a NUL byte, which no database text column accepts: such a request is a 400."""
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in query_dict.lists())


def clean_query(raw):
    """A visitor's search words, safe for every search backend.

    The text is cut to MAX_QUERY_LENGTH characters and MAX_QUERY_TERMS words.
    Letters, digits, and apostrophes or hyphens inside words are kept; quotes,
    colons, &|!():*<> and other punctuation become spaces, so no character can
    reach a full-text query parser as syntax.
    """
    text = re.sub(r"[^\w\s'’-]", " ", raw[:MAX_QUERY_LENGTH])
    words = (word.strip("'’-_") for word in text.split())
    return " ".join([word for word in words if word][:MAX_QUERY_TERMS])


class QueryField(forms.CharField):
    """A search box whose value is always clean_query()'d, never an error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", str(MAX_QUERY_LENGTH))

    def to_python(self, value):
        return clean_query(super().to_python(value) or "")


class LenientChoiceField(forms.ChoiceField):
    """A single choice that is blank, never an error, when the value is not one of the choices."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        value = self.to_python(value)
        return value if self.valid_value(value) else ""


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the valid choices, once each and in the order the choices are offered, and quietly drops the rest.

    A stale bookmark or a mistyped slug then narrows by what it can rather than
    showing an error or nothing; the fixed order gives one URL per selection.
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value):
        chosen = set(self.to_python(value))
        return [str(key) for key, _label in self.choices if str(key) in chosen]
