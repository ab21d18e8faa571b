from django import template
from django.template.loader import render_to_string

from caching.version import cached
from core import i18n
from newsletter.forms import SignupForm
from newsletter.models import NewsletterSettings

register = template.Library()

SIGNUP_FORM_TEMPLATE = "newsletter/includes/signup_form.html"


def privacy_url(request):
    """The live privacy notice in the visitor's language, or None if editors have not chosen one."""

    def build():
        page = NewsletterSettings.for_request(request).privacy_page
        return i18n.localized([page])[0].get_url(request) if page and page.live else None

    return cached("enews-privacy", request.get_host(), build)


def render_signup_form(request, form):
    return render_to_string(SIGNUP_FORM_TEMPLATE, {"form": form, "privacy_url": privacy_url(request)}, request)


@register.simple_tag(takes_context=True)
def enews_signup_form(context, form=None):
    """The sign-up form: the one given (with its errors), or a fresh one with ids unique on the page."""
    request = context["request"]
    if form is None:
        count = getattr(request, "enews_form_count", 0) + 1
        request.enews_form_count = count
        form = SignupForm(initial={"source": request.path}, id_prefix=f"enews-{count}-")
    return render_signup_form(request, form)
