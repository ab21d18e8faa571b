"""Health checks for load balancers, orchestrators and uptime monitors.

- /health/live/ (liveness): the process answers. It touches nothing else, so a
  database or cache outage never gets app servers restarted for no gain.
- /health/ready/ (readiness), also at /health/: whether this server can serve
  the site. 503 when the database fails, since no page can be built. The cache
  (Redis, REDIS_URL) is not needed to serve pages (caching/redis.py treats it as a
  miss), so a failing cache gives 200 with status "degraded" and a warning in
  the log: a load balancer checking readiness keeps every server in rotation
  while Redis is down.

The reply names the failing part only: the error itself goes to the log.
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


def run_checks(checks, level):
    """{name: "ok" or "failed"} for each check; a failure is logged at `level` with its error."""
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:
            logger.log(level, "Health check failed: %s", name, exc_info=True)
            results[name] = "failed"
        else:
            results[name] = "ok"
    return results


@never_cache
@require_GET
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    required = run_checks({"database": check_database}, logging.ERROR)
    optional = run_checks(cache_checks(), logging.WARNING)
    failed = [name for name, result in {**required, **optional}.items() if result != "ok"]
    if any(result != "ok" for result in required.values()):
        status, code = "unavailable", 503
    else:
        status, code = ("degraded" if failed else "ok"), 200
    return JsonResponse({"status": status, "failed": failed, "checks": {**required, **optional}}, status=code)
