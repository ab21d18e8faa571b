"""Request handling every content area shares: old hosts and language prefixes."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.http.request import split_domain_port
from django.middleware.locale import LocaleMiddleware

LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)(/|$)", re.IGNORECASE)


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


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    Django would redirect /xx/about/ to /en/xx/about/; a prefix that looks like a
    language code but is not one of ours is answered with the 404 page instead.
    """

    def process_response(self, request, response):
        match = LANGUAGE_TAG.match(request.path_info)
        configured = {code.lower() for code, _name in settings.LANGUAGES}
        if response.status_code == 404 and match and match.group(1).lower() not in configured:
            return response
        return super().process_response(request, response)
