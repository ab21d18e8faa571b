"""Signed links in the enews emails: confirm (valid 7 days) and unsubscribe (valid for good).

A link carries the subscriber's id and address, signed with SECRET_KEY, so it
cannot be guessed or altered, and it stops working if the address changes.
"""

from datetime import timedelta

from django.core import signing

from newsletter.models import Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)

# Re-exported so views can tell an expired link from a tampered one.
BadToken = signing.BadSignature
ExpiredToken = signing.SignatureExpired


def make_token(subscriber, salt):
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=salt, compress=True)


def subscriber_for_token(token, salt, max_age=None):
    """The subscriber a link was made for; raises BadToken (or ExpiredToken, its subclass)."""
    payload = signing.loads(token, salt=salt, max_age=max_age)
    try:
        return Subscriber.objects.get(pk=payload["id"], email=payload["email"])
    except (Subscriber.DoesNotExist, KeyError, TypeError) as error:
        raise BadToken("No subscriber for this link") from error
