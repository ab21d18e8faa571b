"""Site search over every live page of the visitor's language.

Wagtail's database backend does the matching (PostgreSQL full-text search in
production, SQLite FTS5 on a first run) with operator="and". Editors' promoted
results (wagtail.contrib.search_promotions) come first on the first page and
are left out of the results below them. Results can be narrowed by kind (see
search.kinds). Queries are cleaned by core.forms.clean_query: capped in length
and words, punctuation removed; a NUL byte anywhere in the request is a 400.

A search runs one query for every match's id and content type, best first
(ranked_matches), cached until the content changes; the counts by kind, the kind
filter and the page of results read that list. The hit is recorded every time, and the full-page cache never
stores a search.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Subquery, Value, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from caching.version import cached
from core.filters import Filter, FilterSet
from core.forms import QueryField, clean_query, has_nul_byte
from core.i18n import locale_id
from core.paging import paginate
from core.ratelimit import rate_limit
from search.kinds import all_kinds, counted_kinds
from search.models import UnansweredSearch
from search.words import did_you_mean, with_synonyms

RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2
# A search that finds fewer results than this is offered a corrected spelling.
FEW_RESULTS = 3
NO_RESULTS_TOOLKITS = 3


FILTERS = [
    Filter(
        "q", gettext_lazy("Search for"), field=lambda: QueryField(label=gettext_lazy("Search for")), removable=False
    ),
    # A kind narrows the matches by content type (search_results), so it has no queryset condition.
    Filter("kind", gettext_lazy("Show only")),
]


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
    return Page.objects.live().public().filter(locale=locale_id(get_language()))


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
        kind=capfirst(str(page._meta.verbose_name)),
        summary=description or summary_of(page),
        page_id=page.pk,
        content_type_id=page.content_type_id,
        meta=page.search_result_meta() if hasattr(page, "search_result_meta") else [],
        promoted=promoted,
    )


def library_page(request, pages):
    """The resource library in this language, for the link under the search box."""
    page = pages.type(apps.get_model("resources", "ResourceIndexPage")).first()
    return page.get_url(request) if page else None


def ranked_matches(pages, query):
    """(id, content type id) of each page the query matches among pages (this language's, that visitors
    can see), best first.

    On PostgreSQL, search.backend lists them in one query. Any other backend (SQLite's
    full-text search on a first run, or OpenSearch) gives its matches as pages, with
    only those two fields loaded.
    """
    backend = get_search_backend()
    query = with_synonyms(query)
    if hasattr(backend, "ranked_matches"):
        return list(backend.ranked_matches(pages, query))
    found = pages.only("id", "content_type_id").search(query, operator="and")
    return [(page.pk, page.content_type_id) for page in found]


def promotions(query, request, pages):
    """Editors' promoted results for the query: pages visitors can see in this language, then external links."""
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


# Each search costs a full-text query and a hit count: one client may search 60 times a minute.
@rate_limit("search", limit=60, period=60, methods=("GET",))
def search(request):
    if has_nul_byte(request.GET):
        return bad_request()
    filters = FilterSet(
        request.GET,
        FILTERS,
        choices={"kind": [(kind.slug, kind.label) for kind in all_kinds().values()]},
        chips_name_the_filter=False,
    )
    query = filters.cleaned.get("q", "")
    visible = live_pages()
    context = {"form": filters.form, "search_query": query, "library_url": library_page(request, visible)}
    if query:
        context.update(search_results(request, filters, visible))
    return render(request, "search/search.html", context)


def search_results(request, filters, visible):
    """The template's context for a search: kinds with their counts, promoted results, a page of results."""
    query, chosen_slugs = filters.cleaned["q"], filters.values("kind")
    promoted = promotions(query, request, visible)
    promoted_ids = {result.page_id for result in promoted if result.page_id is not None}
    # Ranking every match grows with the content: at ten times the content on PostgreSQL with nothing
    # cached, search p95 in process was 135 ms against a 50 ms target, and counting by kind in SQL with
    # only the page shown ranked was slower (two full-text queries): benchmarks/README.md, "What limits search".
    matches = cached("search-matches", query, lambda: ranked_matches(visible, query))
    organic = [(pk, content_type_id) for pk, content_type_id in matches if pk not in promoted_ids]
    counts = Counter(content_type_id for _pk, content_type_id in organic)
    counts.update(result.content_type_id for result in promoted if result.page_id is not None)
    kinds = counted_kinds(counts, chosen=chosen_slugs)
    chosen = [kind for kind in kinds if kind.slug in chosen_slugs]
    if chosen:
        content_type_ids = {pk for kind in chosen for pk in kind.content_type_ids}
        organic = [(pk, content_type_id) for pk, content_type_id in organic if content_type_id in content_type_ids]
        promoted = [result for result in promoted if result.page_id and result.content_type_id in content_type_ids]

    page_obj = paginate(request, organic, RESULTS_PER_PAGE)
    results = [as_result(page, request) for page in found_pages(page_obj.object_list)]
    total = len(organic) + len(promoted)
    if page_obj.number == 1:
        record_hit(query)
        if not total and not chosen:
            UnansweredSearch.record(query)
    # Only a search that finds little looks for a correction: the common ones cost nothing more.
    suggestion = None
    if total < FEW_RESULTS:
        suggestion = did_you_mean(query, visible)
    return {
        "suggestion": suggestion,
        "suggestion_url": filters.url(q=suggestion) if suggestion else None,
        "no_results": no_results_help(request, visible) if not total else {},
        "kinds": kinds,
        "chosen_kinds": chosen,
        "chips": filters.chips,
        "unfiltered_url": filters.url(kind=[]),
        "promoted": promoted if page_obj.number == 1 else [],
        "results": results,
        "page_obj": page_obj,
        "total": total,
    }


def no_results_help(request, pages):
    """Where to go when a search finds nothing: toolkits, the library's topics, the enquiry form.

    The site records no visits, so the toolkits are those that other resources and blog posts recommend
    most often (as related resources), and the heading says so.
    """

    resource_page = apps.get_model("resources", "ResourcePage")
    topic = apps.get_model("taxonomy", "Topic")
    language = locale_id(get_language())
    library = library_page(request, pages)
    toolkits = (
        resource_page.objects.live()
        .public()
        .filter(locale_id=language, resource_type__slug__in=["toolkit", "toolkits"])
        .annotate(
            uses=recommendations("resources", "RelatedResource") + recommendations("blog", "BlogPageRelatedResource")
        )
        .order_by("-uses", "-first_published_at")[:NO_RESULTS_TOOLKITS]
    )
    enquiry = pages.type(apps.get_model("home", "EnquiryFormPage")).first()
    return {
        "toolkits": [{"title": page.title, "url": page.get_url(request)} for page in toolkits],
        "topics": [
            {"name": term.name, "url": f"{library}?{urlencode({'topic': term.slug})}"}
            for term in topic.objects.filter(locale_id=language)
        ]
        if library
        else [],
        "enquiry_url": enquiry.get_url(request) if enquiry else None,
    }


def recommendations(app_label, model_name):
    """How many times other pages chose a resource as a related resource, as a subquery."""
    links = apps.get_model(app_label, model_name).objects.filter(resource=OuterRef("pk"))
    counted = links.order_by().values("resource").annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted), Value(0))


def found_pages(pairs):
    """The pages for (page id, content type id) pairs, in that order, each as its own page type.

    One query per page type, and one for each relation its results show (search_select_related).
    """
    pks_by_type = defaultdict(list)
    for pk, content_type_id in pairs:
        pks_by_type[content_type_id].append(pk)
    pages = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type since removed from the code
            continue
        of_this_type = model.objects.filter(pk__in=pks).defer_streamfields().in_bulk()
        prefetch_related_objects(list(of_this_type.values()), *getattr(model, "search_select_related", ()))
        pages.update(of_this_type)
    return [pages[pk] for pk, _content_type_id in pairs if pk in pages]


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
