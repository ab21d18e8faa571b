"""The content version, the values cached under it, and the signals that start a new one.

Every cached value (a whole page, the menu, the footer, the language links, search's
vocabulary) is keyed on the content version. Any publish, unpublish, move or delete of a
page, and any edit to what pages show besides their own content (settings, snippets such as
the taxonomy and the footer text, tags, images, documents, view restrictions, sites,
locales, search promotions) starts a new version, after which every cached value is a
miss and the old entries expire. A global version is correct without knowing which
listings show which page; a site that publishes a few times a day loses little.

The version itself expires after VERSION_SECONDS: where each process has its own memory
cache (no REDIS_URL), a publish handled by one process reaches the others within that time.
Within a request the version is read once (PageCacheMiddleware remembers it).
"""

import hashlib
import time
from contextvars import ContextVar
from functools import cache as memoise

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

VERSION_KEY = "content:version"
VERSION_SECONDS = 5 * 60
_MISSING = object()
# The version the current request read (set by PageCacheMiddleware); None outside a request.
_request_version = ContextVar("caching_request_version", default=None)


def content_version():
    """The current content version."""
    remembered = _request_version.get()
    if remembered is not None:
        return remembered
    version = cache.get(VERSION_KEY)
    if version is None:
        # add(), not set(): when several processes find it expired at once, the first one's version wins.
        cache.add(VERSION_KEY, time.time_ns(), VERSION_SECONDS)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return version


def remember_for_request(version):
    """Use version for the rest of this request; returns the token that forget_for_request() takes."""
    return _request_version.set(version)


def forget_for_request(token):
    _request_version.reset(token)


def new_content_version(**kwargs):
    """Make every cached value stale: connected to the signals below."""
    # A clock value rather than a counter: after the cache is cleared a new version never reuses an old one.
    version = time.time_ns()
    cache.set(VERSION_KEY, version, VERSION_SECONDS)
    if _request_version.get() is not None:
        # The rest of this request (an editor's publish, say) sees the new version too.
        _request_version.set(version)


def cached(name, key, build):
    """build()'s value, cached for the active language under name and key until the content version changes.

    key is anything whose str() tells the values apart (a page's id, a tuple); it should
    include the site where a value differs between sites. build() must return plain data
    or markup: nothing read from the cache may run a query.
    """
    cache_key = f"content:{content_version()}:{name}:{get_language()}:{digest(str(key))}"
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(cache_key, value, VERSION_SECONDS)
    return value


def digest(text):
    """A short fixed-length stand-in for text of any length in a cache key."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@memoise
def models_pages_show():
    """Models besides pages whose changes show on pages: settings, snippets (the taxonomy, the footer text),
    tags, images, documents, view restrictions, sites, locales and search promotions."""
    settings_models = [model for model in apps.get_models() if issubclass(model, (BaseSiteSetting, BaseGenericSetting))]
    return frozenset(
        [*settings_models, *get_snippet_models(), Tag, get_image_model(), get_document_model()]
        + [PageViewRestriction, Site, Locale, SearchPromotion]
    )


def content_changed(sender, instance=None, created=False, **kwargs):
    """Connected to every model's post_save and post_delete.

    Pages count even when saved or deleted outside the publishing workflow. Wagtail
    creates a site's settings with their defaults the first time a page reads them,
    while the page renders: that changes nothing the page shows.
    """
    settings_made_on_first_read = created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting))
    if isinstance(instance, Page) or (sender in models_pages_show() and not settings_made_on_first_read):
        new_content_version()


def connect_signals():
    """Called from CachingConfig.ready(): a new content version on any change pages show, and CDN purges."""
    from caching.middleware import connect_purge_signals

    for name, signal in [("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)]:
        signal.connect(new_content_version, dispatch_uid=f"caching.version.page_{name}")
    post_save.connect(content_changed, dispatch_uid="caching.version.saved")
    post_delete.connect(content_changed, dispatch_uid="caching.version.deleted")
    connect_purge_signals()
