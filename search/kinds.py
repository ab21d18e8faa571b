"""What kind of page a search result is, for the results filter.

Each page model can say which kind it belongs to with two class attributes:

    class PartnerPage(BasePage):
        search_kind = "partners"              # the value in ?kind=, stable across languages
        search_kind_label = _("Partners")     # what the filter shows

A page type that declares nothing is one of the site's "Pages". The five kinds
visitors see have plain, translated labels here (LABELS), whatever label a
model declares; a kind not listed keeps its model's label. Page types that
share a slug share one filter option.

The filter is built from the content types that the results actually contain,
so it never offers a kind that would give nothing.

Results can also say more about themselves: a page model may define
search_result_meta() returning a list of short values shown under the title
(a resource gives its type and date), and search_select_related, a tuple of
relations to fetch in one query for a page of results of that type.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

DEFAULT_KIND = "pages"
LABELS = {
    "pages": _("Pages"),
    "resources": _("Resources"),
    "partners": _("Partners"),
    "blog": _("Blog posts"),
    "events": _("Events"),
}


@dataclass
class Kind:
    slug: str
    label: str
    count: int = 0
    content_type_ids: list = field(default_factory=list)


def kind_slug(model):
    return getattr(model, "search_kind", None) or DEFAULT_KIND


def kind_label(model):
    """The kind's label in the active language."""
    return str(LABELS.get(kind_slug(model)) or getattr(model, "search_kind_label", None) or LABELS[DEFAULT_KIND])


def all_kinds():
    """{slug: Kind} for every page type the site has, each with its content type ids and no count."""
    kinds = {}
    for model in get_page_models():
        if model is Page:
            continue
        kind = kinds.setdefault(kind_slug(model), Kind(kind_slug(model), kind_label(model)))
        kind.content_type_ids.append(ContentType.objects.get_for_model(model).pk)
    return kinds


def counted_kinds(counts_by_content_type, chosen=()):
    """[Kind] that have results, with their counts, largest first, plus any chosen kind that has none."""
    kinds = all_kinds()
    for kind in kinds.values():
        kind.count = sum(counts_by_content_type.get(pk, 0) for pk in kind.content_type_ids)
    return sorted(
        (kind for kind in kinds.values() if kind.count or kind.slug in chosen),
        key=lambda kind: (-kind.count, kind.label),
    )
