"""Per-client rate limits for forms and endpoints that cost us (or a visitor's inbox) something.

On a function view, the decorator (as on search autocomplete):

    @rate_limit("autocomplete", limit=120, period=60, methods=("GET",))
    def autocomplete(request): ...

On a Wagtail page (a form page, a sign-up page), the mixin, listed before the
page class; it limits POSTs only, so reading the page is never refused:

    class EnquiryFormPage(RateLimitedPageMixin, AbstractEmailForm):
        rate_limit_scope = "enquiry"
        rate_limit = 5
        rate_limit_period = 60 * 10

Anywhere else, rate_limit_response(request, scope, limit, period) returns
the 429 response to send back, or None while the client is under the limit.

address_limit_reached(scope, address, limit, period) limits what goes to one email
address (sign-ups, password resets), whoever asks.

Counts are kept per client address (IPv6 per /64, which one household or
server is usually given) in fixed windows in the default cache. With Redis
(REDIS_URL) the limit holds across every gunicorn worker and server; with the
local-memory cache each process counts for itself. If the cache is down the
request is allowed: a rate limit must not take the site down with the cache.
"""

import hashlib
import ipaddress
import logging
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def client_ip(request):
    """The visitor's address.

    REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies (a load balancer, a CDN)
    stand in front of the site: then the address the outermost trusted proxy
    saw, counted from the right of X-Forwarded-For, where a client cannot
    forge it. Used by the rate limits and by django-axes.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                logger.warning("Unreadable X-Forwarded-For address %r; using REMOTE_ADDR", candidate[:64])
    return remote_addr


def client_key(request):
    """A stable, anonymous key for the client: a hash of its address (IPv6: its /64)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        parsed = None
    if parsed is not None and parsed.version == 6:
        address = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def hit(scope, key, period):
    """Count one request in the current window; return (count, seconds until the window ends)."""
    now = time.time()
    window = int(now // period)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add() and incr(), or the cache is unavailable.
        cache.set(cache_key, 1, timeout=period)
        count = 1
    return count, math.ceil((window + 1) * period - now)


def address_limit_reached(scope, address, limit, period):
    """Count one email to `address`; whether more than `limit` went to it in `period` seconds.

    Per-client limits cannot stop many clients sending to one victim's inbox; this limits the
    address itself. The address is kept only as a hash.
    """
    key = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]
    count, _retry_after = hit(scope, key, period)
    return count > limit


def too_many_requests(request, retry_after, message=None):
    """The friendly 429 page (JSON for a script that asked for JSON), with a Retry-After header."""
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        response = JsonResponse({"error": "too many requests", "retry_after": retry_after}, status=429)
    else:
        minutes = max(1, math.ceil(retry_after / 60))
        response = render(request, "429.html", {"message": message, "retry_after_minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def rate_limit_response(request, scope, limit, period):
    """The 429 response if this client has gone over `limit` requests in `period` seconds, else None."""
    count, retry_after = hit(scope, client_key(request), period)
    if count <= limit:
        return None
    logger.warning(
        "Rate limit exceeded", extra={"scope": scope, "client": client_ip(request), "limit": limit, "period": period}
    )
    return too_many_requests(request, retry_after)


def rate_limit(scope, limit, period, methods=("POST",)):
    """Decorate a view so that each client may call it `limit` times per `period` seconds."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                refused = rate_limit_response(request, scope, limit, period)
                if refused is not None:
                    return refused
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimitedPageMixin:
    """Limit how often one client may POST to a Wagtail page (a form, a sign-up)."""

    rate_limit_scope = ""
    rate_limit = 5
    rate_limit_period = 60 * 10

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            scope = self.rate_limit_scope or self._meta.label_lower
            refused = rate_limit_response(request, scope, self.rate_limit, self.rate_limit_period)
            if refused is not None:
                return refused
        return super().serve(request, *args, **kwargs)


def login_lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the 429 page, saying why and for how long."""
    retry_after = int(settings.AXES_COOLOFF_TIME.total_seconds())
    return too_many_requests(
        request,
        retry_after,
        message=_(
            "There have been too many failed attempts to log in to this account from your connection. "
            "For your security, logging in is paused."
        ),
    )
