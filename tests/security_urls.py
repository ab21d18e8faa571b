"""The site's URLs plus views that exist only for the tests: a rate-limited endpoint and failing views."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path

from changingtracks.urls import urlpatterns as site_urlpatterns
from core.ratelimit import rate_limit


@rate_limit("test-endpoint", limit=3, period=60, methods=("GET",))
def limited(request):
    return HttpResponse("ok")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test/limited/", limited),
    path("test/forbidden/", forbidden),
    path("test/broken/", broken),
    *site_urlpatterns,
]
