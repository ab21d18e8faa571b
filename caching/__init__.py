"""Everything the site caches, in one place.

The public surface:

- caching.version: content_version(), the number every cached value is keyed on; the purge
  signals that start a new one on any publish, unpublish, move, delete or edit of what pages
  show; and cached(name, key, build), a value cached until the next new version.
- {% sharedfragment %} (templatetags/caching_tags.py): markup every page shares (the menu,
  the language links), cached until the next new version.
- caching.middleware.PageCacheMiddleware: whole pages for anonymous visitors, keyed on the
  content version too. A view or page that must not be shared says so itself
  (django.views.decorators.cache.never_cache or patch_cache_control).
- caching.redis.ResilientRedisCache: the Redis cache backend the site lives without.

With every cache off (settings.CACHES a DummyCache), pages are built from the database in a
few queries each (tests/test_query_counts.py): nothing outside this app depends on a cache.
"""
