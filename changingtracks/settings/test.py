"""Settings for the pytest suite: fast hashing, mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
# A fixed key for the test suite only.
SECRET_KEY = "test-only-key"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# Encoding some 150 AVIF, WebP and JPEG files takes the demo loader several seconds, and many tests
# load the demo; pages make the renditions they show on demand. tests/test_images.py turns it on.
DEMO_PREGENERATE_RENDITIONS = False
WAGTAILADMIN_BASE_URL = "http://testserver"
CANONICAL_BASE_URL = "http://testserver"
# Each process's memory, whatever REDIS_URL says: tests clear the cache, and must
# never clear a real one. Tests that need Redis point at REDIS_TEST_URL themselves.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tests",
        "OPTIONS": {"MAX_ENTRIES": LOCAL_CACHE_ENTRIES},  # noqa: F405
    }
}
# The page cache is off; its tests turn it on with override_settings.
PAGE_CACHE_SECONDS = 0
# Tasks run at once, inside the request, so tests see their results; tests of the queue set TASKS themselves.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests sign in with force_login; tests/test_two_factor.py turns the requirement on.
TWO_FACTOR_REQUIRED = False
# Every image a test saves would have all its renditions encoded; tests/test_tasks.py turns it on.
PREGENERATE_RENDITIONS = False
