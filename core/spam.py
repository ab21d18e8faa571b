"""Spam protection for public forms without CAPTCHA or third parties.

A form that mixes in HumanCheckMixin gets two checks:

- a honeypot: a text input hidden from people (CSS, and out of the tab order) that
  bots fill in;
- a minimum fill time: the form carries the time it was shown, signed so it
  cannot be forged, and a post that comes back sooner than a person could type
  is refused.

A post failing either check gets the same generic message, so a bot learns
nothing about which check it failed. Templates render the two inputs with
{% include "includes/human_check.html" %}, which asks the form for a fresh
signed time on every render, so a person who is refused can simply send again.
"""

import logging
import time

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "contact_fax"
STARTED_FIELD = "form_started"
STARTED_SALT = "core.spam.started"
REJECTED_MESSAGE = _("Sorry, we could not accept the form. Please check your answers and send it again.")


def signed_start_time(now=None):
    """The signed time a form was shown; tests pass an earlier `now` to look like a person."""
    return signing.dumps(int(now if now is not None else time.time()), salt=STARTED_SALT)


class HumanCheckMixin:
    """Adds the honeypot and minimum fill time checks to a Django form's clean()."""

    rejected_message = REJECTED_MESSAGE
    max_age = 24 * 60 * 60

    @property
    def min_fill_seconds(self):
        return getattr(settings, "FORM_MIN_FILL_SECONDS", 3)

    def human_check_failure(self):
        """Why the post looks automated, for the log only; None for a person."""
        if self.data.get(HONEYPOT_FIELD):
            return "honeypot filled in"
        try:
            started = signing.loads(self.data.get(STARTED_FIELD, ""), salt=STARTED_SALT, max_age=self.max_age)
        except signing.BadSignature:
            return "missing, forged or expired start time"
        if time.time() - started < self.min_fill_seconds:
            return "sent too quickly"
        if time.time() - started > self.max_age:
            return "start time too old"
        return None

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:  # the fields' errors so far (full_clean has started, so this does not start it again)
            # The post is refused anyway; a person sees only what to fix, then sends a fresh form.
            return cleaned_data
        failure = self.human_check_failure()
        if failure:
            logger.info("%s refused a post: %s", type(self).__name__, failure)
            raise ValidationError(self.rejected_message, code="rejected")
        return cleaned_data

    def human_check_context(self):
        return {
            "honeypot_name": HONEYPOT_FIELD,
            "started_name": STARTED_FIELD,
            "started": signed_start_time(),
        }


def quoted_block(label, text):
    """Visitor-written text for a staff email: between labelled start and end lines, each line quoted with "> ".

    Staff can then tell at a glance which words came from the website's visitor (and may carry
    a misleading link or instruction) and which from the site.
    """
    quoted = "\n".join(f"> {line}" for line in str(text).splitlines() or [""])
    return f"--- {label} ---\n{quoted}\n--- {_('End of what the visitor wrote')} ---"
