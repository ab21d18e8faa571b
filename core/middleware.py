"""Old addresses keep working: requests to the previous sites' hosts go to the same path here."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port


def legacy_hosts():
    """LEGACY_HOSTS in lower case, never including the canonical host (which would loop)."""
    canonical = urlsplit(settings.CANONICAL_BASE_URL).hostname or ""
    return {host.lower().rstrip(".") for host in settings.LEGACY_HOSTS} - {canonical.lower()}


class LegacyHostRedirectMiddleware:
    """Answer any request for a legacy host with a 301 to the same path and query on the canonical host.

    It must come first in MIDDLEWARE: it reads the Host header itself rather than
    through request.get_host(), so legacy hosts need not be in ALLOWED_HOSTS and
    are never served as the site. Wagtail's redirects and 404 page then handle
    the path on the canonical host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host, _port = split_domain_port(request.META.get("HTTP_HOST", ""))
        if host and host in legacy_hosts():
            return HttpResponsePermanentRedirect(settings.CANONICAL_BASE_URL.rstrip("/") + request.get_full_path())
        return self.get_response(request)
