"""Sign-up, confirmation and unsubscribe pages for the enews.

Whatever the state of an address (new, waiting, confirmed, unsubscribed), the
visitor sees the same "check your email" page, so nobody can learn from the
site whether an address is subscribed; only its owner is told, by email.
"""

import logging

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core import spam
from core.ratelimit import address_limit_reached, rate_limit
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

# At most this many enews emails to one address (limit, seconds), whoever asks and from wherever.
EMAILS_PER_ADDRESS = (3, 24 * 60 * 60)


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
        if address_limit_reached("enews-signup-address", subscriber.email, *EMAILS_PER_ADDRESS):
            # The visitor sees the usual page, so nobody learns anything about the address.
            logger.warning("Enews emails to subscriber %s paused: too many sign-ups", subscriber.pk)
            return redirect("newsletter:check_email")
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


@require_GET
@cache_control(private=True, no_store=True)
def started(request):
    """A fresh signed start time for a form on a cached page (static/js/enews-start.js)."""
    return JsonResponse({"started": spam.signed_start_time()})


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


# Only a person completes the sign-up: opening the link (as mail scanners do, with GET or HEAD) shows a
# button, and only the button's POST confirms. The signed link is the proof, so the form needs no CSRF token.
# Pages behind a token are for its owner alone and must never be kept by a cache (they change when the
# subscriber does).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@cache_control(private=True, no_store=True)
def confirm(request, token):
    try:
        subscriber = subscriber_for_token(token, CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except ExpiredToken:
        return link_problem(request, expired=True)
    except BadToken:
        return link_problem(request, expired=False)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return link_problem(request, expired=False)
    if request.method != "POST" and not subscriber.is_confirmed:
        return render(request, "newsletter/confirm.html", {"hide_footer_signup": True})
    if not subscriber.is_confirmed:
        subscriber.confirm()
    return render(request, "newsletter/confirmed.html", {"hide_footer_signup": True})


# Mail programs unsubscribe with a POST and no token (RFC 8058 one-click); the signed link is the proof.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@cache_control(private=True, no_store=True)
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
