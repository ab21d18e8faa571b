"""The enews emails. Every one carries an unsubscribe link, in the text and in the headers."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from newsletter.tokens import CONFIRM_MAX_AGE, CONFIRM_SALT, UNSUBSCRIBE_SALT, make_token


def unsubscribe_url(request, subscriber):
    return request.build_absolute_uri(
        reverse("newsletter:unsubscribe", args=[make_token(subscriber, UNSUBSCRIBE_SALT)])
    )


def send_subscriber_email(request, subscriber, template, subject, **context):
    unsubscribe = unsubscribe_url(request, subscriber)
    body = render_to_string(
        template, {"subscriber": subscriber, "unsubscribe_url": unsubscribe, **context}, request=request
    )
    message = EmailMessage(
        subject,
        body,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.send()


def send_confirmation(request, subscriber):
    confirm_url = request.build_absolute_uri(reverse("newsletter:confirm", args=[make_token(subscriber, CONFIRM_SALT)]))
    send_subscriber_email(
        request,
        subscriber,
        "newsletter/emails/confirm.txt",
        _("Confirm your sign-up to the Changing Tracks enews"),
        confirm_url=confirm_url,
        valid_days=CONFIRM_MAX_AGE.days,
    )


def send_already_subscribed(request, subscriber):
    send_subscriber_email(
        request,
        subscriber,
        "newsletter/emails/already_subscribed.txt",
        _("You are already signed up to the Changing Tracks enews"),
    )
