from django.http import Http404
from wagtail import hooks

from core.i18n import serves_in_active_language


@hooks.register("before_serve_page")
def refuse_pages_outside_the_language(page, request, serve_args, serve_kwargs):
    if not serves_in_active_language(page):
        raise Http404("This page is not available in this language.")
