"""Parts of every page that change only when content does, cached between requests.

The menu, the footer, the breadcrumbs, the language links and the listings'
filter choices cost queries on every page but change only when an editor
publishes, unpublishes, moves or deletes a page, or edits the footer or the
taxonomy. Each is cached in the default cache (Redis in production) under a key
holding the site, the active language and a generation number; any of those
edits starts a new generation, so every fragment is built afresh on its next
request and the old entries expire.

The same generation keys the full-page cache (core.pagecache) and search's
cached results (search.views), so one change makes all three stale at once;
connect_signals() says which changes count.

The generation itself expires after GENERATION_SECONDS: where each process has
its own memory cache (no REDIS_URL), a publish handled by one process reaches
the others' fragments within that time.

Within a request (core.middleware.RequestMemoMiddleware) the generation and each
fragment are read from the cache once: with Redis, a page otherwise asked it for
the generation before every fragment, and for the footer twice.

A fragment's key holds its generation, so what is stored under a key never
changes. Each process therefore also keeps the fragments it used most recently
in its own memory (FRAGMENT_MEMORY_ENTRIES of them), and with Redis a page reads
only the generation over the network, not a round trip per fragment.

Cached values are plain data (URLs, titles, HTML strings, taxonomy rows with
nothing left to load), so nothing read from the cache runs a query.
"""

import hashlib

# Only this process's own values are pickled here, never data from outside.
import pickle  # nosec B403
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as memoise

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

GENERATION_KEY = "content:generation"
GENERATION_SECONDS = 5 * 60
_MISSING = object()
# What the current request has read from the cache, by key; None outside a request.
_read_this_request = ContextVar("core_fragments_read_this_request", default=None)


class RecentFragments:
    """The fragments this process used most recently, kept in its memory; a bounded, thread-safe LRU.

    Values other than strings are kept pickled and unpickled on every read, so that each
    request gets its own copy, as it would from Redis.
    """

    def __init__(self):
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default):
        with self._lock:
            value = self._entries.get(key, _MISSING)
            if value is _MISSING:
                return default
            self._entries.move_to_end(key)
        return pickle.loads(value) if isinstance(value, bytes) else value  # noqa: S301  # nosec B301

    def set(self, key, value):
        stored = value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self._lock:
            self._entries[key] = stored
            self._entries.move_to_end(key)
            while len(self._entries) > settings.FRAGMENT_MEMORY_ENTRIES:
                self._entries.popitem(last=False)


_recent = RecentFragments()


@contextmanager
def remembered_for_request():
    """Within it, each cache key (the generation, a fragment) is read from the cache once."""
    token = _read_this_request.set({})
    try:
        yield
    finally:
        _read_this_request.reset(token)


def current_generation():
    """The content generation: the page cache (core.pagecache) and search's cached results key on it too."""
    read = _read_this_request.get()
    if read is not None and GENERATION_KEY in read:
        return read[GENERATION_KEY]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add(), not set(): when several processes find it expired at once, the first one's generation wins.
        cache.add(GENERATION_KEY, time.time_ns(), GENERATION_SECONDS)
        generation = cache.get(GENERATION_KEY) or time.time_ns()
    if read is not None:
        read[GENERATION_KEY] = generation
    return generation


def start_new_generation(**kwargs):
    """Make every cached fragment, page and search result stale."""
    # A clock value rather than a counter: after the cache is cleared a new generation never reuses an old one.
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, GENERATION_SECONDS)
    read = _read_this_request.get()
    if read is not None:
        # The rest of this request (an editor's publish, say) sees the new generation too.
        read.clear()
        read[GENERATION_KEY] = generation


@memoise
def models_pages_show():
    """Models besides pages whose changes show on pages: settings, snippets (the taxonomy, the footer text),
    tags, images, documents, view restrictions, sites, locales and search promotions."""
    settings_models = [model for model in apps.get_models() if issubclass(model, (BaseSiteSetting, BaseGenericSetting))]
    return frozenset(
        [*settings_models, *get_snippet_models(), Tag, get_image_model(), get_document_model()]
        + [PageViewRestriction, Site, Locale, SearchPromotion]
    )


def forget_changed_content(sender, instance=None, created=False, **kwargs):
    """Connected to every model's post_save and post_delete.

    Pages count even when saved or deleted outside the publishing workflow. Wagtail
    creates a site's settings with their defaults the first time a page reads them,
    while the page renders: that changes nothing the page shows.
    """
    settings_made_on_first_read = created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting))
    if isinstance(instance, Page) or (sender in models_pages_show() and not settings_made_on_first_read):
        start_new_generation()


def connect_signals():
    """Called from CoreConfig.ready()."""
    for name, signal in [("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)]:
        signal.connect(start_new_generation, dispatch_uid=f"core.fragments.page_{name}")
    post_save.connect(forget_changed_content, dispatch_uid="core.fragments.saved")
    post_delete.connect(forget_changed_content, dispatch_uid="core.fragments.deleted")


def cached_value(key_parts, build):
    """build()'s value from the cache, as long as the content is unchanged since it was cached."""
    key = ":".join(str(part) for part in ("fragment", current_generation(), *key_parts))
    read = _read_this_request.get()
    value = read.get(key, _MISSING) if read is not None else _MISSING
    if value is _MISSING:
        value = _recent.get(key, _MISSING)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            cache.set(key, value, GENERATION_SECONDS)
        _recent.set(key, value)
    if read is not None:
        read[key] = value
    return value


def cached(request, name, build, *key_parts):
    """build()'s value for this site and language (and key_parts), cached as long as the content is unchanged."""
    site = Site.find_for_request(request)
    return cached_value((name, site.pk if site else "-", get_language(), *key_parts), build)


def cached_rows(queryset):
    """The rows of a query, cached until the content changes, under a digest of its SQL.

    For what a listing shows on every request but only content changes: the ids on a page
    of it, and its counts. A request for a page of the listing seen before runs no query.
    """
    return cached_value(("rows", query_digest(queryset)), lambda: list(queryset))


def cached_count(queryset):
    """queryset.count(), cached in the same way."""
    return cached_value(("count", query_digest(queryset)), queryset.count)


def query_digest(queryset):
    sql, params = queryset.query.sql_with_params()
    return digest(f"{sql} {params!r}")


def digest(text):
    """A short fixed-length stand-in for text of any length in a cache key."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def when_used(build):
    """build()'s value, computed the first time a template uses it.

    For a page's context: markup cached with {% cachedfragment %} may not need the value at
    all, and then its queries never run.
    """
    return SimpleLazyObject(build)


def restricted_paths():
    """The tree paths of the pages with view restrictions: the roots of the site's private sections."""
    return cached_value(
        ("restricted-paths",), lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def is_in_private_section(page):
    return any(page.path.startswith(path) for path in restricted_paths())


def public(pages):
    """pages.public(), without the query for the private sections on every call."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
