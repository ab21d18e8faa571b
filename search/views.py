"""Site search over every live page, with Wagtail's database backend."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


def clean_query(raw):
    """Trim a visitor's query to a sane length and number of words.

    Double quotes are dropped: SQLite's full-text search reads them as syntax,
    so a stray one was a 500 there (found by tests/test_hostile_input.py).
    """
    words = raw[:MAX_QUERY_LENGTH].replace('"', " ").split()
    return " ".join(words[:MAX_QUERY_TERMS])


def search(request):
    raw_query = request.GET.get("q", "")
    if "\x00" in raw_query:
        return HttpResponseBadRequest(_("Your search contained a character we cannot search for."))
    query = clean_query(raw_query)
    results_page = None
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query, operator="and")
        )
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results_page": results_page},
    )
