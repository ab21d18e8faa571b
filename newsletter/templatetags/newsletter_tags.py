from django import template
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import spam
from core.fragments import cached
from newsletter.forms import SignupForm
from newsletter.models import NewsletterSettings

register = template.Library()

SIGNUP_FORM_TEMPLATE = "newsletter/includes/signup_form.html"
# Stand-ins, in a fresh form's cached markup, for what differs on every request.
ID_PREFIX_SLOT = "enews-id-prefix-slot-"
SOURCE_SLOT = "enews-source-slot"
STARTED_SLOT = "enews-started-slot"


def privacy_url(request):
    """The live privacy notice in the visitor's language, or None if editors have not chosen one."""

    def build():
        page = NewsletterSettings.for_request(request).privacy_page
        return page.localized.get_url(request) if page and page.live else None

    return cached(request, "enews-privacy", build)


def render_signup_form(request, form):
    return render_to_string(SIGNUP_FORM_TEMPLATE, {"form": form, "privacy_url": privacy_url(request)}, request)


@register.simple_tag(takes_context=True)
def enews_signup_form(context, form=None):
    """The sign-up form: the one given (with its errors), or a fresh one with ids unique on the page.

    A fresh form is on nearly every page, in the footer. Its markup is cached with the other
    fragments and each request fills in its ids, the page it is on and its signed start time
    (core.spam), which saves rendering its fields for every page view.
    """
    request = context["request"]
    if form is not None:
        return render_signup_form(request, form)
    count = getattr(request, "_enews_form_count", 0) + 1
    request._enews_form_count = count

    def build():
        fresh = SignupForm(initial={"source": SOURCE_SLOT}, id_prefix=ID_PREFIX_SLOT)
        fresh.signed_start = STARTED_SLOT
        return render_signup_form(request, fresh)

    markup = (
        cached(request, "enews-signup-form", build)
        .replace(ID_PREFIX_SLOT, f"enews-{count}-")
        .replace(SOURCE_SLOT, escape(request.path))
        .replace(STARTED_SLOT, escape(spam.signed_start_time()))
    )
    # The markup is the template's own, and each value put into it is escaped.
    return mark_safe(markup)  # noqa: S308  # nosec
