"""Wagtail's database search backend, with PostgreSQL working out each search's query once.

Wagtail's PostgreSQL backend writes the query as to_tsquery('...') in the match
and in each ts_rank it orders by. to_tsquery is STABLE (it depends on the text
search configuration), so PostgreSQL evaluates it again for every row it ranks:
parsing and stemming the words twice for each of the thousands of pages a common
word matches, which costs more than the ranking itself. Written as a scalar
subquery, (SELECT to_tsquery('...')), it is evaluated once per query, and the
full-text GIN index is still used (benchmarks/README.md, "What limits search").
It also lists every match of a search, best first, ranking the index entries
before joining them to their pages (QueryOncePostgresSearchBackend.ranked_matches).

Pages in the site's default language (English) are indexed and searched with
PostgreSQL's default text search configuration, which stems English words; pages
in any other language (Welsh) with `simple`, which only lower-cases them, so
Welsh words are not cut down by English rules (TEXT_SEARCH_CONFIG_OTHER_LANGUAGES).
Every other database gets Wagtail's own backend unchanged.

Wagtail imports this module when it first looks up the backend, once the apps are ready.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchQueryField, SearchVectorField
from django.db import connection
from django.db.models import CharField, F, Func, IntegerField
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from django.utils.translation import get_language
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

from core.i18n import locale_id

TEXT_SEARCH_CONFIG_OTHER_LANGUAGES = "simple"


def text_search_config(backend, language_code):
    """The backend's configuration for the site's default language, `simple` for any other."""
    if language_code == settings.LANGUAGE_CODE:
        return backend.config
    return TEXT_SEARCH_CONFIG_OTHER_LANGUAGES


class EvaluatedOnce(SearchQuery):
    """A tsquery, as a subquery PostgreSQL evaluates once per query rather than once per row."""

    template = "(SELECT %(expressions)s)"

    def __init__(self, tsquery):
        # Not SearchQuery.__init__, which would wrap the tsquery in another to_tsquery().
        self.config = None
        self.invert = False
        Func.__init__(self, tsquery, output_field=SearchQueryField())


class QueryOnce:
    """For a query compiler: each tsquery it builds, evaluated once."""

    def build_tsquery(self, query, config=None):
        tsquery = super().build_tsquery(query, config=config)
        return None if tsquery is None else EvaluatedOnce(tsquery)


class QueryOnceSearchCompiler(QueryOnce, PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The visitor's language's configuration: searches only ever cover pages in that language."""
        return text_search_config(backend, get_language() or settings.LANGUAGE_CODE)


class LanguageIndex(PostgresIndex):
    """Indexes each object with its language's text search configuration (text_search_config)."""

    def add_items(self, model, objs):
        default_locale = locale_id(settings.LANGUAGE_CODE)
        by_config = defaultdict(list)
        for obj in objs:
            language = settings.LANGUAGE_CODE
            if getattr(obj, "locale_id", default_locale) != default_locale:
                language = obj.locale.language_code
            by_config[text_search_config(self.backend, language)].append(obj)
        for config, group in by_config.items():
            if config == self.backend.config:
                super().add_items(model, group)
            else:
                other = copy.copy(self.backend)
                other.config = config
                PostgresIndex(other).add_items(model, group)


class QueryOnceAutocompleteCompiler(QueryOnce, PostgresAutocompleteQueryCompiler):
    pass


class QueryOncePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = QueryOnceSearchCompiler
    autocomplete_query_compiler_class = QueryOnceAutocompleteCompiler
    index_class = LanguageIndex

    def ranked_matches(self, pages, query):
        """(page id, content type id) of every page in pages that has all the query's words, best first.

        Wagtail's order, from a query that ranks the index entries before it joins them
        to pages. Wagtail's own query joins first, so PostgreSQL copies every match's
        title and body vectors into a hash table and ranks after the join: for a word
        most pages contain, that takes twice as long.
        """
        compiler = self.query_compiler_class(pages, query, operator="and")
        config = compiler.get_config(self)
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        if tsquery is None:  # nothing left to search for
            return []
        # Wagtail's own rank expression, on the entries' columns rather than through the join.
        rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        entries = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(pages.model),
                object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id"),
            )
            .alias(vector=CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField()))
            .filter(vector=tsquery)
            .annotate(page_id=Cast("object_id", IntegerField()))
            .order_by(rank.desc(), F("page_id").desc())
        )
        return list(entries.values_list("page_id", "content_type_id"))


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in the module given as BACKEND)
    """This backend on PostgreSQL; on any other database, the one Wagtail's database backend picks."""
    if connection.vendor == "postgresql":
        return QueryOncePostgresSearchBackend(params)
    return database_backend(params)
