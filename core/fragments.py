"""Parts of every page that change only when content does, cached between requests.

The menu, the footer, the breadcrumbs, the language links and the listings'
filter choices cost queries on every page but change only when an editor
publishes, unpublishes, moves or deletes a page, or edits the footer or the
taxonomy. Each is cached in the default cache (Redis in production) under a key
holding the site, the active language and a generation number; any of those
edits starts a new generation, so every fragment is built afresh on its next
request and the old entries expire.

The generation itself expires after GENERATION_SECONDS: where each process has
its own memory cache (no REDIS_URL), a publish handled by one process reaches
the others' fragments within that time.

Cached values are plain data (URLs, titles, HTML strings, taxonomy rows with
nothing left to load), so nothing read from the cache runs a query.
"""

import time

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site

GENERATION_KEY = "fragments:generation"
GENERATION_SECONDS = 5 * 60
_MISSING = object()


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add(), not set(): when several processes find it expired at once, the first one's generation wins.
        cache.add(GENERATION_KEY, time.time_ns(), GENERATION_SECONDS)
        generation = cache.get(GENERATION_KEY) or time.time_ns()
    return generation


def start_new_generation(**kwargs):
    """Make every cached fragment stale. Connected to the publishing and settings signals in CoreConfig.ready()."""
    # A clock value rather than a counter: after the cache is cleared a new generation never reuses an old one.
    cache.set(GENERATION_KEY, time.time_ns(), GENERATION_SECONDS)


def forget_changed_page(sender, instance, **kwargs):
    """Connected to every model's post_save and post_delete: pages made or removed outside the publishing workflow."""
    if isinstance(instance, Page):
        start_new_generation()


def forget_changed_settings(sender, created=False, **kwargs):
    """A site's settings row is created, empty, the first time a page reads it: that changes nothing shown."""
    if not created:
        start_new_generation()


def cached_value(key_parts, build):
    """build()'s value from the cache, as long as the content is unchanged since it was cached."""
    key = ":".join(str(part) for part in ("fragment", current_generation(), *key_parts))
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, GENERATION_SECONDS)
    return value


def cached(request, name, build, *key_parts):
    """build()'s value for this site and language (and key_parts), cached as long as the content is unchanged."""
    site = Site.find_for_request(request)
    return cached_value((name, site.pk if site else "-", get_language(), *key_parts), build)


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
