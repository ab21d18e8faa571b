from django import template

from core.fragments import cached
from newsletter.forms import SignupForm
from newsletter.models import NewsletterSettings

register = template.Library()


def privacy_url(request):
    """The live privacy notice in the visitor's language, or None if editors have not chosen one."""

    def build():
        page = NewsletterSettings.for_request(request).privacy_page
        return page.localized.get_url(request) if page and page.live else None

    return cached(request, "enews-privacy", build)


@register.inclusion_tag("newsletter/includes/signup_form.html", takes_context=True)
def enews_signup_form(context, form=None):
    """The sign-up form: the one given (with its errors), or a fresh one with ids unique on the page."""
    request = context["request"]
    if form is None:
        count = getattr(request, "_enews_form_count", 0) + 1
        request._enews_form_count = count
        form = SignupForm(initial={"source": request.path}, id_prefix=f"enews-{count}-")
    return {"form": form, "privacy_url": privacy_url(request), "request": request}
