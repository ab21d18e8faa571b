"""Site search over every live page of the visitor's language.

Wagtail's database backend does the matching (PostgreSQL full-text search in
production, SQLite FTS5 on a first run) with operator="and". Editors' promoted
results (wagtail.contrib.search_promotions) come first on the first page and
are left out of the results below them. Results can be narrowed by kind (see
search.kinds). Queries are cleaned by core.forms.clean_query: capped in length
and words, punctuation removed; a NUL byte anywhere in the request is a 400.

A word that most pages contain makes PostgreSQL count and rank every index
entry (about 100 ms at 10,000 resources), so the counts by kind and the pages of
results as they are shown are cached with the fragments until the content
changes (core.fragments), as are the editors' promotions for the query: visitors
repeating a common search, or paging through its results, get it from the cache
and load no page. The hit is recorded every time, and the full-page cache never
stores a search.
"""

import hashlib
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, prefetch_related_objects
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core import fragments
from core.forms import LenientMultipleChoiceField, QueryField, clean_query, has_nul_byte
from core.i18n import locale_id
from core.paging import paginate
from core.ratelimit import rate_limit
from search.kinds import all_kinds, counted_kinds

RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2


class SearchForm(forms.Form):
    q = QueryField(label=gettext_lazy("Search for"))
    kind = LenientMultipleChoiceField(label=gettext_lazy("Show only"))

    def __init__(self, data):
        super().__init__(data)
        self.fields["kind"].choices = [(kind.slug, kind.label) for kind in all_kinds().values()]


@dataclass
class Result:
    title: str
    url: str
    kind: str
    summary: str
    page_id: int | None = None  # None for an external link
    content_type_id: int | None = None
    meta: list = field(default_factory=list)
    promoted: bool = False


def bad_request():
    return HttpResponseBadRequest(_("Your search contained a character we cannot search for."))


def live_pages():
    return fragments.public(Page.objects.live().filter(locale=locale_id(get_language())))


def summary_of(page):
    """A page's summary for results: its listing summary, else its summary, intro or meta description."""
    for name in ("listing_summary", "summary", "intro", "search_description"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return text
    return ""


def as_result(page, request, promoted=False, description=""):
    return Result(
        title=page.get_listing_title() if hasattr(page, "get_listing_title") else page.title,
        url=page.get_url(request),
        kind=capfirst(str(page._meta.verbose_name)),  # a string, not a lazy translation: results are cached
        summary=description or summary_of(page),
        page_id=page.pk,
        content_type_id=page.content_type_id,
        meta=page.search_result_meta() if hasattr(page, "search_result_meta") else [],
        promoted=promoted,
    )


def prefetch_for_results(pages):
    """Fetch what each page type's results show (search_select_related) in one query per type."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, instances in by_model.items():
        relations = getattr(model, "search_select_related", ())
        if relations:
            prefetch_related_objects(instances, *relations)


def library_page(request, pages):
    """The resource library in this language, for the link under the search box (cached until the next publish)."""

    def build():
        page = pages.type(apps.get_model("resources", "ResourceIndexPage")).first()
        return page.get_url(request) if page else None

    return fragments.cached(request, "library-url", build)


class IndexFriendlyPlanner:
    """On PostgreSQL, lets the planner read the full-text GIN index rather than every index entry.

    With the default random_page_cost (4.0, tuned for spinning disks) PostgreSQL
    scans and unpacks every search index entry for a word most pages contain,
    several times slower than using the GIN index (search/migrations/0001).
    SET LOCAL lasts until the end of this transaction only, so it is safe
    behind a connection pooler and touches no other query. The transaction opens
    when a search first runs: a search whose results are all cached needs none.
    """

    def __init__(self):
        self.transaction = ExitStack()
        self.started = False

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return self.transaction.__exit__(*exc_info)

    def planned(self, search):
        """search, to be called with the setting on."""

        def run():
            if connection.vendor == "postgresql" and not self.started:
                self.transaction.enter_context(transaction.atomic())
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL random_page_cost = 1.1")
                self.started = True
            return search()

        return run


def promotions(query, request, pages):
    """Editors' promoted results for the query: pages visitors can see in this language, then external links.

    Cached with the fragments: a change to the promotions starts a new content generation too.
    """
    return fragments.cached(
        request, "search-promotions", lambda: find_promotions(query, request, pages), fragments.digest(query)
    )


def find_promotions(query, request, pages):
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    pages_by_id = {page.pk: page for page in pages.filter(pk__in=page_ids).specific()} if page_ids else {}
    results = []
    for pick in picks:
        if pick.page_id in pages_by_id:
            results.append(as_result(pages_by_id[pick.page_id], request, promoted=True, description=pick.description))
        elif not pick.page_id and pick.external_link_url:
            results.append(
                Result(
                    title=pick.external_link_text or pick.external_link_url,
                    url=pick.external_link_url,
                    kind=_("Another website"),
                    summary=pick.description,
                    promoted=True,
                )
            )
    return results


def record_hit(query):
    """Count the search for Wagtail's popular-searches report: one UPDATE once today's count exists."""
    today = QueryDailyHits.objects.filter(query__query_string=normalise_query_string(query), date=timezone.now().date())
    if not today.update(hits=F("hits") + 1):
        Query.get(query).add_hit()


def search_url(query, kinds):
    return "?" + urlencode([("q", query)] + [("kind", kind.slug) for kind in kinds])


def search(request):
    if has_nul_byte(request.GET):
        return bad_request()
    form = SearchForm(request.GET)
    form.is_valid()  # lenient fields: always valid
    query, chosen_slugs = form.cleaned_data["q"], form.cleaned_data["kind"]
    visible = live_pages()
    context = {"form": form, "search_query": query, "library_url": library_page(request, visible)}
    if not query:
        return render(request, "search/search.html", context)
    with IndexFriendlyPlanner() as planner:
        return search_results(request, query, chosen_slugs, visible, context, planner)


def search_results(request, query, chosen_slugs, visible, context, planner):
    promoted = promotions(query, request, visible)
    promoted_pages = [result for result in promoted if result.page_id is not None]
    pages = visible.exclude(pk__in=[result.page_id for result in promoted_pages])
    # What the cached counts and results depend on besides the content generation.
    query_hash = hashlib.sha256(query.encode()).hexdigest()
    cache_key = (get_language(), query_hash, *sorted(result.page_id for result in promoted_pages))

    found_counts = fragments.cached_value(
        ("search-counts", *cache_key),
        planner.planned(lambda: dict(pages.search(query, operator="and").facet("content_type_id"))),
    )
    counts = dict(found_counts)  # the promoted pages are added to a copy, not to the cached value
    for result in promoted_pages:
        counts[result.content_type_id] = counts.get(result.content_type_id, 0) + 1
    kinds = counted_kinds(counts, chosen=chosen_slugs)
    chosen = [kind for kind in kinds if kind.slug in chosen_slugs]
    content_type_ids = sorted(pk for kind in chosen for pk in kind.content_type_ids)
    if chosen:
        pages = pages.filter(content_type_id__in=content_type_ids)
        promoted = [result for result in promoted if result.page_id and result.content_type_id in content_type_ids]

    organic_count = sum(kind.count for kind in (chosen or kinds)) - sum(1 for result in promoted if result.page_id)
    page_obj = paginate(request, pages.search(query, operator="and"), RESULTS_PER_PAGE, count=organic_count)
    # The results as the template shows them, without their pages: a repeated search loads no page.
    results = fragments.cached_value(
        ("search-results", *cache_key, "kinds", *content_type_ids, "page", page_obj.number),
        planner.planned(lambda: [as_result(page, request) for page in found_pages(page_obj)]),
    )
    if page_obj.number == 1:
        record_hit(query)

    context.update(
        kinds=kinds,
        chosen_kinds=chosen,
        chips=[(kind.label, search_url(query, [other for other in chosen if other is not kind])) for kind in chosen],
        unfiltered_url=search_url(query, []),
        promoted=promoted if page_obj.number == 1 else [],
        results=results,
        page_obj=page_obj,
        total=organic_count + len(promoted),
    )
    return render(request, "search/search.html", context)


def found_pages(page_obj):
    """The search results on this page, each as its own page type, with what its result shows."""
    pages = specific_pages([(page.pk, page.content_type_id) for page in page_obj.object_list])
    prefetch_for_results(pages)
    return pages


def specific_pages(found):
    """The pages for (pk, content type id) pairs, in that order, each as its own page type: one query per type."""
    pks_by_type = defaultdict(list)
    for pk, content_type_id in found:
        pks_by_type[content_type_id].append(pk)
    pages = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:  # a page type since removed from the code
            pages.update(model.objects.filter(pk__in=pks).defer_streamfields().in_bulk())
    return [pages[pk] for pk, _content_type_id in found if pk in pages]


@rate_limit("autocomplete", limit=120, period=60, methods=("GET",))
def autocomplete(request):
    """JSON suggestions whose titles start with the words typed, for the search box script."""
    if has_nul_byte(request.GET):
        return bad_request()
    query = clean_query(request.GET.get("q", ""))
    suggestions = []
    if len(query) >= AUTOCOMPLETE_MIN_LENGTH:
        pages = live_pages().autocomplete(query, operator="and")[:AUTOCOMPLETE_LIMIT]
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "kind": capfirst(page.specific_class._meta.verbose_name),
            }
            for page in pages
        ]
    return JsonResponse({"query": query, "results": suggestions})
