"""Sign-up, confirmation and unsubscribe pages for the enews.

Whatever the state of an address (new, waiting, confirmed, unsubscribed), the
visitor sees the same "check your email" page, so nobody can learn from the
site whether an address is subscribed; only its owner is told, by email.
"""

import logging

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.ratelimit import rate_limit
from newsletter import emails
from newsletter.forms import CONSENT_WORDING, SignupForm
from newsletter.models import Subscriber
from newsletter.tokens import (
    CONFIRM_MAX_AGE,
    CONFIRM_SALT,
    UNSUBSCRIBE_SALT,
    BadToken,
    ExpiredToken,
    subscriber_for_token,
)

logger = logging.getLogger(__name__)


def sign_up(form):
    """Record the sign-up and return the subscriber, creating no duplicate for a known address."""
    data = form.cleaned_data
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=data["email"],
            defaults={"consent_wording": str(CONSENT_WORDING), "consent_given_at": timezone.now()},
        )
        if not subscriber.is_confirmed:
            subscriber.record_sign_up(
                name=data["name"],
                consent_wording=str(CONSENT_WORDING),
                source_url=data["source"],
                language=get_language(),
            )
    return subscriber


# No CSRF token: the footer form is on every page, and a token would stop pages
# being cached. A forged post can do no more than anyone typing an address can:
# send a confirmation email, which changes nothing until its owner clicks it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@rate_limit("enews-signup", limit=10, period=10 * 60)
def signup(request):
    form = SignupForm(request.POST or None, initial={"source": request.path})
    if request.method == "POST" and form.is_valid():
        subscriber = sign_up(form)
        try:
            if subscriber.is_confirmed:
                emails.send_already_subscribed(request, subscriber)
            else:
                emails.send_confirmation(request, subscriber)
        except Exception:
            logger.exception("Could not send the enews email to subscriber %s", subscriber.pk)
            form.add_error(None, _("We could not send you an email just now. Please try again in a few minutes."))
        else:
            return redirect("newsletter:check_email")
    return render(request, "newsletter/signup.html", {"form": form, "hide_footer_signup": True})


def check_email(request):
    return render(
        request, "newsletter/check_email.html", {"valid_days": CONFIRM_MAX_AGE.days, "hide_footer_signup": True}
    )


def link_problem(request, expired):
    return render(
        request,
        "newsletter/link_problem.html",
        {"expired": expired, "valid_days": CONFIRM_MAX_AGE.days, "hide_footer_signup": True},
        status=400,
    )


def confirm(request, token):
    try:
        subscriber = subscriber_for_token(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except ExpiredToken:
        return link_problem(request, expired=True)
    except BadToken:
        return link_problem(request, expired=False)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return link_problem(request, expired=False)
    if not subscriber.is_confirmed:
        subscriber.confirm()
    return render(request, "newsletter/confirmed.html", {"hide_footer_signup": True})


# Mail programs unsubscribe with a POST and no token (RFC 8058 one-click); the signed link is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriber_for_token(token, UNSUBSCRIBE_SALT)
    except BadToken:
        return link_problem(request, expired=False)
    if request.method == "POST":
        if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            subscriber.unsubscribe()
        return render(request, "newsletter/unsubscribed.html", {"hide_footer_signup": True})
    return render(request, "newsletter/unsubscribe.html", {"hide_footer_signup": True})
