"""Settings shared by every environment.

Values that differ between machines come from the environment; this file keeps
safe, environment-independent defaults. dev.py, test.py and production.py build
on it.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "caching",
    "core",
    "navigation",
    "home",
    "taxonomy",
    "resources",
    "partners",
    "blog",
    "events",
    "newsletter",
    "search",
    "demo",
    "wagtail_localize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks_db",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "core.observability.RequestIDMiddleware",
    "core.security.RefuseTraceMiddleware",
    # Before anything validates the Host header: answers the old sites' hosts.
    "core.middleware.LegacyHostRedirectMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After the language and host are settled; before CSRF and logins (caching/middleware.py).
    "caching.middleware.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in to the admin (core/twofactor.py): which device verified this session, then
    # the second step (or its setup) before any other admin page.
    "django_otp.middleware.OTPMiddleware",
    "core.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.moderation.ApprovalMessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "changingtracks.urls"
WSGI_APPLICATION = "changingtracks.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite file by default, PostgreSQL (or anything dj-database-url reads)
# from DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Not the site's name, not the username, not "aaaaaaaaaaaa" (core/validators.py).
    {"NAME": "core.validators.SiteNameAndVarietyValidator"},
]

# Logging in to the admin: django-axes pauses logins after AXES_FAILURE_LIMIT
# failures for one account from one client address, for AXES_COOLOFF_TIME. Only
# that pair is paused: nobody can lock an editor out from everywhere by failing
# on purpose, and the editor's own attempts from elsewhere still work.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "core.ratelimit.login_lockout_response"
# Two-step sign-in (core/twofactor.py): superusers and Moderators must set up an authenticator app
# before they can use the admin when this is on. Always on in production (production.py); off by
# default in development so `make run`'s printed admin signs in at once. Editors may set it up.
TWO_FACTOR_REQUIRED = os.environ.get("TWO_FACTOR_REQUIRED", "true").lower() == "true"
OTP_TOTP_ISSUER = "Changing Tracks"
# The number of proxies (load balancer, CDN) in front of the site that append
# to X-Forwarded-For; 0 means visitors connect to the app server directly.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Admin sessions end when the browser closes, and after SESSION_COOKIE_AGE
# seconds without a request (every request pushes the expiry back).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60 * 2)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True

# Headers on every response (see core/security.py). Videos play from these hosts only.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Where uploaded images and media are served from, if not from the site itself (a CDN, S3).
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CSP_ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "autoplay": ["self", *VIDEO_PLAYER_ORIGINS],
    "fullscreen": ["self", *VIDEO_PLAYER_ORIGINS],
    "picture-in-picture": ["self", *VIDEO_PLAYER_ORIGINS],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's editor shows previews in a same-origin iframe, so frames are limited
# to the site itself rather than refused outright.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Internationalisation. The URL prefix is the language code (/en/, /cy/);
# HTML_LANGUAGE_TAGS gives the fuller tag for <html lang> where it differs.
LANGUAGE_CODE = "en"
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg", "ar": "العربية", "ur": "اردو"}
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in env_list("SITE_LANGUAGES", "en,cy")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
HTML_LANGUAGE_TAGS = {"en": "en-GB"}
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images and documents go to an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is
# set (several app servers must share them). Without AWS_ACCESS_KEY_ID, boto3 finds credentials
# itself (an instance role, ~/.aws). See docs/scaling.md.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Files are private to the bucket; the site hands out signed, expiring links.
            "default_acl": None,
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "true").lower() == "true",
            "file_overwrite": False,
        },
    }

# Wagtail's page editor can post many fields for a long StreamField.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Changing Tracks"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The site's public address. Requests to LEGACY_HOSTS (the old MusicNet East and
# Changing Tracks sites) are sent here with a 301, keeping their path.
CANONICAL_BASE_URL = os.environ.get("CANONICAL_BASE_URL", WAGTAILADMIN_BASE_URL)
LEGACY_HOSTS = env_list(
    "LEGACY_HOSTS",
    "musicnet-east.org.uk,www.musicnet-east.org.uk,changingtracks.org.uk,www.changingtracks.org.uk",
)
# Search: the database (PostgreSQL full-text search) unless OPENSEARCH_URL names an
# OpenSearch 2 cluster (pip install "opensearch-py>=2,<3"; see docs/scaling.md).
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "").strip()
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [OPENSEARCH_URL],
            "INDEX": os.environ.get("OPENSEARCH_INDEX", "changingtracks"),
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Uploads. Documents: an allow-list of extensions (no HTML, SVG, scripts or
# archives), at most 20 MB. Images: raster formats only (an SVG can carry script),
# at most 10 MB and 16 megapixels. Each refusal is a form error in the admin.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "mp3", "mp4"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents always go through Wagtail's serve view, wherever they are stored, so
# privacy settings apply and every file gets nosniff and a "default-src 'none'"
# content security policy. PDFs open in the browser's viewer (which runs no script
# in the site's origin); everything else is an attachment with an encoded filename.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The largest rendition is 1200 pixels wide (core/images.py), so a 12-megapixel phone photo
# (4000 x 3000) is ample; decoding costs memory by the pixel, about 4 bytes each. Every frame of an
# animated GIF or WebP counts towards the limit (width x height x frames).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 16_000_000
# Wagtail means to count every frame of an animation towards it, but its image library reports one
# frame; this form counts them (core/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.ImageForm"
# load_demo_content makes every approved rendition (core/images.py) of its images in advance.
DEMO_PREGENERATE_RENDITIONS = True
# Saving an image queues a background task that makes every approved rendition of it, so the first
# visitor to see it does not wait for them (core/images.py).
PREGENERATE_RENDITIONS = True
# The admin makes no requests to third parties (release checks, Gravatar).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Moderation emails go to the Moderators group, one per event. Wagtail's default also sends every
# superuser a "submitted to workflow" email on top of the "submitted for approval" one, so the same
# submission arrived twice. A superuser who wants these emails joins the Moderators group.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Changing Tracks <hello@example.org>")

# Cache: Redis when REDIS_URL is set, shared by every process (the rate limits
# need it to hold across gunicorn workers); each process's memory otherwise.
# Redis being down is a cache miss, logged, never an error page (caching/redis.py).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
LOCAL_CACHE_ENTRIES = 5000
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "caching.redis.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "changingtracks"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "changingtracks",
            # Django's default of 300 entries would drop values still in use as soon as an editor's
            # publishes (each a new content version) add up; entries expire after five minutes anyway.
            "OPTIONS": {"MAX_ENTRIES": LOCAL_CACHE_ENTRIES},
        }
    }

# The full-page cache for anonymous visitors (caching/middleware.py), in the cache above, for this
# many seconds; 0 turns it off. Publishing purges it.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Cache-Control on pages anyone may be given: browsers keep them briefly (nothing can purge a
# browser), a CDN longer (publishing purges it through WAGTAILFRONTENDCACHE), and either may
# serve a stale copy for PAGE_CACHE_STALE_SECONDS while it fetches a fresh one.
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("PAGE_CACHE_CDN_SECONDS", str(PAGE_CACHE_SECONDS)))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))
# The CDN in front of the site, purged when pages change: Cloudflare, CloudFront or any cache
# that accepts HTTP PURGE requests (Varnish, nginx), each when its variables are set.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
        "ZONEID": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

# Background work (Django's tasks API, the django-tasks backport): PDF text extraction, image
# renditions and Wagtail's own tasks (search index, references) are queued in the database and run
# by `manage.py db_worker`, which `make run` starts and production runs beside gunicorn
# (docs/operations.md). An upload returns without waiting for them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Logs: one JSON object per line on stdout, each with the request's id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.observability.JSONFormatter"}},
    "filters": {"disallowed_host": {"()": "core.observability.DisallowedHostFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # A request for an unknown host is a 400 and a warning, not an error with a traceback.
        "django.security.DisallowedHost": {"filters": ["disallowed_host"]},
        # Wagtail runs its background tasks inline; their per-task lines are noise.
        "django_tasks": {"level": "WARNING"},
        # django-axes announces itself at every start.
        "axes.apps": {"level": "WARNING"},
    },
}

# Personal data: `manage.py delete_expired_personal_data`, run daily, deletes enquiries and
# enews sign-ups left unconfirmed (or unsubscribed) once they are older than these many days.
ENQUIRY_RETENTION_DAYS = int(os.environ.get("ENQUIRY_RETENTION_DAYS", "365"))
NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = int(os.environ.get("NEWSLETTER_UNCONFIRMED_RETENTION_DAYS", "30"))
# Public forms refuse a post sent back sooner than this after the form was shown (bots are fast).
FORM_MIN_FILL_SECONDS = int(os.environ.get("FORM_MIN_FILL_SECONDS", "3"))

# Label used by the admin and templates for the programme.
PROGRAMME_NAME = _("Changing Tracks")

# Whitenoise serves static files in every environment. Outside production it
# reads them straight from the app and project folders, so collectstatic is
# only a deployment step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = os.environ.get("WHITENOISE_AUTOREFRESH", "true").lower() == "true"

# Translations (wagtail-localize). A new translation is created as a draft,
# whatever the live status of its source: it goes live only when a translator
# publishes it from the translation editor. (wagtail-localize's default would
# publish an untranslated copy of a live page at once.)
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
