from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import accounts, health
from core import views as core_views
from search import views as search_views

urlpatterns = [
    # Readiness (what a load balancer checks) at /health/ and /health/ready/; liveness at /health/live/.
    path("health/", health.ready, name="health"),
    path("health/ready/", health.ready, name="health_ready"),
    path("health/live/", health.live, name="health_live"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    path("favicon.ico", core_views.FaviconView.as_view(), name="favicon"),
    # Before the admin's own URL of the same name: limited per client and per address (core/accounts.py).
    path("admin/password_reset/", accounts.password_reset, name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("enews/", include("newsletter.urls")),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
