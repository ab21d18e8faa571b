"""A Redis cache that the site can live without.

Wagtail reads the cache on every page (site root paths, renditions), so with
Django's RedisCache an unreachable Redis would turn every page into a 500.
ResilientRedisCache treats Redis being down as a cache miss: reads return the
default, writes are dropped, the error is logged and pages are built from the
database. After a failure it leaves Redis alone for RETRY_AFTER seconds, so a
dead server costs one short timeout every few seconds, not one per cache call.

It also keeps one redis.Redis client per connection pool (SharedClientRedisCacheClient):
Django's builds a new one for every cache call, and a client's constructor, which
sets up some 170 response handlers, cost more than a cached page's one round trip
to Redis: measured in make bench, it kept cached pages under 70% of the static
file's rate (benchmarks/README.md).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

from core.framework_adapter import redis_connection_pool_index, set_redis_cache_client_class

logger = logging.getLogger(__name__)
_MISSING = object()
PING_KEY = "health:ping"

# Short timeouts: a cache that answers slowly is worse than no cache.
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, handing out one redis.Redis per pool (redis-py clients are thread-safe)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shared_clients = {}

    def get_client(self, key=None, *, write=False):
        index = redis_connection_pool_index(self, write)
        if index not in self._shared_clients:
            self._shared_clients[index] = super().get_client(key, write=write)
        return self._shared_clients[index]


class ResilientRedisCache(RedisCache):
    RETRY_AFTER = 5.0

    def __init__(self, server, params):
        super().__init__(server, {**params, "OPTIONS": {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}})
        set_redis_cache_client_class(self, SharedClientRedisCacheClient)
        self._down_until = 0.0

    def _call(self, method, fallback, *args, **kwargs):
        """Run RedisCache.method, or return fallback if Redis is down."""
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except (RedisError, OSError) as error:
            self._down_until = time.monotonic() + self.RETRY_AFTER
            logger.error(
                "Cache unavailable (%s: %s); serving without it for %s seconds",
                type(error).__name__,
                error,
                self.RETRY_AFTER,
            )
            return fallback

    def ping(self):
        """Ask Redis directly, raising if it does not answer (for the health check).

        RedisCache's own has_key, which raises, not this class's, which takes Redis being down for a miss.
        """
        super().has_key(PING_KEY)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        # As for a missing key: callers of incr() already handle ValueError.
        value = self._call("incr", _MISSING, key, delta, version)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
