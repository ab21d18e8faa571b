"""Security headers on every response: Content-Security-Policy and Permissions-Policy.

Django's SecurityMiddleware sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy; XFrameOptionsMiddleware sends
X-Frame-Options. These middleware classes add the rest, from settings:

- CONTENT_SECURITY_POLICY (django-csp) for the public site: scripts and styles
  from the site itself only, no inline code (a script that must be inline
  carries the request's nonce: <script nonce="{{ request.csp_nonce }}">),
  frames only from the video players the video block uses.
- CSP_ADMIN_DIRECTIVES replace some of those directives under the admin's
  path prefixes (CSP_ADMIN_PATH_PREFIXES). Wagtail's admin writes inline
  scripts (inline panels, date pickers) and inline styles, and shows previews
  in a same-origin frame, so it cannot work under the public policy. Previews
  are served from /admin/ URLs, so they get the admin policy too. Only
  logged-in editors reach those pages.
- PERMISSIONS_POLICY: browser features the site never uses are turned off;
  the video players may use autoplay, fullscreen and picture-in-picture.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseNotAllowed


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts


def permissions_policy_header(policy):
    """{"camera": [], "fullscreen": ["self", "https://x"]} -> 'camera=(), fullscreen=(self "https://x")'."""
    directives = []
    for feature, allowed in policy.items():
        origins = " ".join(origin if origin == "self" else f'"{origin}"' for origin in allowed)
        directives.append(f"{feature}=({origins})")
    return ", ".join(directives)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


# Methods that only echo or tunnel a request: no page of the site answers them.
REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}


class RefuseTraceMiddleware:
    """Answer TRACE, TRACK and CONNECT with 405 before any view (Wagtail's pages would answer them with 200)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(["GET", "HEAD", "POST", "OPTIONS"])
        return self.get_response(request)
