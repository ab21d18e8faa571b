"""/health/: whether this server can serve the site, for load balancers and uptime checks.

200 when the database answers and, where a cache server is configured (Redis,
REDIS_URL), the cache answers too; 503 naming what failed otherwise. The reply
names the failing part only: the error itself goes to the log.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_checks():
    """A check for each configured cache that talks to a server (has a ping())."""
    checks = {}
    for alias in settings.CACHES:
        cache = caches[alias]
        if hasattr(cache, "ping"):
            checks["cache" if alias == "default" else f"cache:{alias}"] = cache.ping
    return checks


@never_cache
@require_GET
def health(request):
    checks = {"database": check_database, **cache_checks()}
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    failed = [name for name, result in results.items() if result != "ok"]
    return JsonResponse(
        {"status": "unavailable" if failed else "ok", "failed": failed, "checks": results},
        status=503 if failed else 200,
    )
