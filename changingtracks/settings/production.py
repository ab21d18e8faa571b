"""Production: everything secret or host-specific must come from the environment.

The site refuses to start without SECRET_KEY and ALLOWED_HOSTS rather than run
with a guessable key or accept any Host header.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from core.observability import init_sentry

from .base import *  # noqa: F403
from .base import env_list


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to run in production.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS only. SECURE_SSL_REDIRECT can be turned off where a proxy already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Load balancers ask for /health/ over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/((live|ready)/)?$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Superusers and Moderators must use two-step sign-in; no variable turns it off.
TWO_FACTOR_REQUIRED = True
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
# X_FRAME_OPTIONS is SAMEORIGIN (base.py) for Wagtail's preview frame; the check asks for DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_TIMEOUT = 10

WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False

# Errors go to Sentry when SENTRY_DSN is set; nothing is sent otherwise.
init_sentry(
    os.environ.get("SENTRY_DSN", "").strip(),
    environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
    release=os.environ.get("SENTRY_RELEASE", ""),
    traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
)
