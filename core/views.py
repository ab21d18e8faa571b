"""Site-wide views for machines: robots.txt, the sitemap and the favicon."""

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.sitemaps import AllLocalesSitemap

# Paths crawlers should not follow: the admin, and search results in every language.
NO_CRAWL_URL_NAMES = ["search"]


def no_crawl_paths():
    paths = ["/admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in NO_CRAWL_URL_NAMES:
                try:
                    paths.append(reverse(name))
                except NoReverseMatch:
                    continue
    return paths


@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in no_crawl_paths())]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=60 * 60, public=True)
def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": AllLocalesSitemap})


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says: point them at the static icon."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("images/favicon.ico")
