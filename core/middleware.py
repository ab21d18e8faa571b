import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

LANGUAGE_TAG = re.compile(r"^/([a-z]{2,3}(?:-[a-z0-9]{2,8})*)(/|$)", re.IGNORECASE)


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
