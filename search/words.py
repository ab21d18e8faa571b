"""The site's own words, for search: spelling suggestions and editors' synonyms.

did_you_mean() corrects each word of a query that the site never uses to the
closest word it does use, from the titles of the live pages in the visitor's
language, the taxonomy terms and the queries editors promoted results for. On
PostgreSQL pg_trgm's similarity() picks it (search/migrations create the
extension); elsewhere difflib does, in Python. The vocabulary is cached
(caching.version) until the content changes, and a suggestion is only looked for
when a search finds few results, so a search that finds plenty costs nothing more.

with_synonyms() turns a query into one where each term an editor listed as a
synonym (search.models.Synonym) matches any of its group, while every other
word is still required (operator "and").
"""

import difflib
import re

from django.apps import apps
from django.db import connection
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.query import And, Or, PlainText
from wagtail.search.utils import normalise_query_string

from caching.version import cached
from core.i18n import locale_id
from search.models import Synonym

WORD = re.compile(r"[^\W\d_]{3,}")
# How alike a correction must be: pg_trgm's similarity (0 to 1), difflib's ratio (0 to 1).
TRIGRAM_SIMILARITY = 0.3
DIFFLIB_CUTOFF = 0.75
TAXONOMY_MODELS = ("ResourceType", "Topic", "Audience", "Region")


def words_of(text):
    return WORD.findall(text.lower())


def build_vocabulary(pages):
    """Every word of three letters or more in the titles, taxonomy terms and promoted queries, sorted."""
    texts = list(pages.values_list("title", flat=True))
    language = locale_id(get_language())
    for name in TAXONOMY_MODELS:
        texts += apps.get_model("taxonomy", name).objects.filter(locale_id=language).values_list("name", flat=True)
    texts += Query.objects.filter(editors_picks__isnull=False).values_list("query_string", flat=True)
    return sorted({word for text in texts for word in words_of(text)})


def vocabulary(pages):
    return cached("search-vocabulary", "all", lambda: build_vocabulary(pages))


def closest_word(word, words):
    """The site's word closest to word, or None when none is close enough."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w FROM unnest(%s::text[]) AS w WHERE similarity(w, %s) >= %s "
                "ORDER BY similarity(w, %s) DESC, w LIMIT 1",
                [words, word, TRIGRAM_SIMILARITY, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    close = difflib.get_close_matches(word, words, n=1, cutoff=DIFFLIB_CUTOFF)
    return close[0] if close else None


def did_you_mean(query, pages):
    """The query with each word the site never uses corrected, or None when there is nothing to correct."""
    words = vocabulary(pages)
    known = set(words)
    typed = normalise_query_string(query).split()
    corrected = []
    for word in typed:
        if word in known or not WORD.fullmatch(word):
            corrected.append(word)
        else:
            corrected.append(closest_word(word, words) or word)
    return " ".join(corrected) if corrected != typed else None


def synonym_groups():
    """[[term, ...]] for every synonym group, cached until the content changes (Synonym is a snippet)."""
    return cached(
        "search-synonyms",
        "all",
        lambda: [terms for terms in (group.term_list() for group in Synonym.objects.all()) if terms],
    )


def with_synonyms(query):
    """The query as given, or, when it has a term from a synonym group, a query object matching any of the group.

    Terms are matched as whole words, longest first; each matched term becomes
    Or(term, its synonyms...) and is required like every other word.
    """
    groups = synonym_groups()
    words = normalise_query_string(query).split()
    if not groups or not words:
        return query
    alternatives = {}
    for group in groups:
        for term in group:
            alternatives.setdefault(term, group)
    parts, start, found = [], 0, False
    while start < len(words):
        for end in range(len(words), start, -1):
            term = " ".join(words[start:end])
            if term in alternatives:
                parts.append(Or([PlainText(other, operator="and") for other in alternatives[term]]))
                start, found = end, True
                break
        else:
            parts.append(PlainText(words[start], operator="and"))
            start += 1
    if not found:
        return query
    return parts[0] if len(parts) == 1 else And(parts)
