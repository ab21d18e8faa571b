"""The full-page cache for anonymous visitors, and the Cache-Control header that lets a CDN cache pages too.

PageCacheMiddleware comes after LanguagePrefixMiddleware and CommonMiddleware in
MIDDLEWARE: by then the language is active, the host has been checked against
ALLOWED_HOSTS and CommonMiddleware's redirects are done (legacy hosts never get
this far: LegacyHostRedirectMiddleware answers them first). The middleware
outside it (security headers, Content-Security-Policy, Content-Language,
X-Request-ID) still runs for every response, cached or not.

A response is public, stored in Django's default cache for PAGE_CACHE_SECONDS
and sent with `Cache-Control: public, max-age, s-maxage, stale-while-revalidate`,
only when it is a 200 to a GET from a visitor without a session or messages
cookie, and the view neither set a cookie, used the session or the CSRF token
or the CSP nonce, served a preview or a search, nor set Cache-Control or Vary
itself: a view or page whose response is for one visitor only (a form showing
its errors, say) marks it with never_cache or patch_cache_control, and the page
cache leaves it alone. Responses for someone in particular (a session, a login,
a CSRF token, a preview) and searches get `private, no-cache`. HEAD
requests are answered from the cache but never fill it. The key is scheme, host,
language, path and the query parameters pages read (QUERY_PARAMETERS: the page
number and each listing's filters, which their apps register with
reads_query_parameters). Any other parameter (utm_*, fbclid, gclid, anything
unknown) is dropped from the request before the view sees it, so such addresses
are served from, and fill, the clean address's entry: junk query strings cannot
fill the cache.

Purging is by the content version (caching.version): each stored page records
the version it was built in, and any change to what pages show starts a new one,
after which every stored page is a miss. Purging only a page and its ancestors
would miss other listings that show it (a partner's profile lists its resources,
filtered and paginated listing URLs are endless). The same changes to pages
purge the page and its ancestors from a CDN through wagtail.contrib.frontend_cache
(WAGTAILFRONTENDCACHE); other URLs there expire after PAGE_CACHE_CDN_SECONDS.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db.models.signals import pre_delete
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from caching import version as content

SEARCH_URL_NAMES = {"search", "search_autocomplete"}
# Vary headers the key already covers (the language is part of it).
KEYED_VARY_HEADERS = {"accept-language"}


# The query parameters public pages read: the page number (core/paging.py), the sitemap's page,
# and each listing's filters (added by reads_query_parameters). Nothing else goes into a key.
QUERY_PARAMETERS = {"page", "p"}


def reads_query_parameters(*names):
    """Say that a page reads these query parameters, so that the page cache keeps them in its key."""
    QUERY_PARAMETERS.update(names)


def clean_query(query):
    """The query with only the parameters pages read, in a fixed order (so ?b=1&a=2 and ?a=2&b=1 share a key)."""
    kept = QueryDict(mutable=True)
    for name in sorted(set(query) & QUERY_PARAMETERS):
        kept.setlist(name, query.getlist(name))
    return QueryDict(kept.urlencode())


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = version = None
        if settings.PAGE_CACHE_SECONDS > 0 and may_be_cached(request):
            request.GET = clean_query(request.GET)
            key = page_key(request)
            version, entry = read(key)
            if entry and entry["version"] == version:
                return cached_response(entry)
        token = content.remember_for_request(version or content.content_version())
        try:
            response = self.get_response(request)
        finally:
            content.forget_for_request(token)
        if is_personal(request, response) or is_search(request):
            patch_cache_control(response, private=True, no_cache=True)
        elif is_public(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
                stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
            )
            if version is not None and request.method == "GET":
                store(key, version, response)
        return response


def may_be_cached(request):
    """Whether the request could be answered from the cache: an anonymous GET or HEAD without a search query."""
    has_own_state = settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES
    return request.method in ("GET", "HEAD") and not has_own_state and "q" not in request.GET


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}|{get_language()}|{request.path}?{request.GET.urlencode()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def read(key):
    """The current content version and the entry stored under key, in one round trip."""
    found = caches["default"].get_many([content.VERSION_KEY, key])
    return found.get(content.VERSION_KEY) or content.content_version(), found.get(key)


def store(key, version, response):
    entry = {"version": version, "content": response.content, "headers": list(response.headers.items())}
    caches["default"].set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
    response.headers["X-Cache"] = "MISS"


def cached_response(entry):
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers["X-Cache"] = "HIT"
    return response


def is_personal(request, response):
    """Whether the response is for this visitor only: it belongs to a session, or carries a token or a cookie."""
    session = getattr(request, "session", None)
    return (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or (session is not None and (session.modified or not session.is_empty()))
        or bool(response.cookies)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        # The nonce must be new for every response, so a page that uses it cannot be shared.
        or bool(getattr(request, "csp_nonce", None))
        or getattr(request, "is_preview", False)
    )


def is_search(request):
    match = getattr(request, "resolver_match", None)
    return "q" in request.GET or (match is not None and match.url_name in SEARCH_URL_NAMES)


def is_public(request, response):
    """Whether anyone may be given this response (is_personal and is_search having said no)."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return False
    if response.has_header("Cache-Control"):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return vary <= KEYED_VARY_HEADERS


def purge_page_and_listings(page):
    """Purge the page and the listings above it (its ancestors) from the CDN, when there is one.

    Wagtail's own frontend_cache handlers purge a published or unpublished page
    itself; listing it again in the batch costs nothing.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    batch.add_page(page)
    batch.purge()


def purge_on_page_change(sender, instance, **kwargs):
    """For publish, unpublish, delete (before the page leaves the tree) and move (sent before and after
    it, with the page at its old and then its new address, so both are purged)."""
    purge_page_and_listings(instance)


def connect_purge_signals():
    """Purge the CDN on page changes (the page cache itself is purged by the content version)."""
    for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
        signal.connect(purge_on_page_change, dispatch_uid="caching.middleware.page_change")
    # A page's delete deletes its row in each table of its class hierarchy: purge once, for the Page row.
    pre_delete.connect(purge_on_page_change, sender=Page, dispatch_uid="caching.middleware.page_delete")
