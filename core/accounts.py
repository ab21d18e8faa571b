"""Admin sign-in: the password reset form, limited per client and per address."""

import logging

from django.http import HttpResponseRedirect
from wagtail.admin.views.account import PasswordResetView

from core.ratelimit import address_limit_reached, rate_limit

logger = logging.getLogger(__name__)

# Reset emails to one address (limit, seconds), whoever asks; and requests from one client.
RESETS_PER_ADDRESS = (3, 60 * 60)
RESETS_PER_CLIENT = (10, 60 * 60)


class LimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending nothing once an address has had RESETS_PER_ADDRESS emails.

    The page that follows is the usual "check your email" one, so it tells nobody whether the
    address has an account or was limited.
    """

    def form_valid(self, form):
        if address_limit_reached("password-reset-address", form.cleaned_data["email"], *RESETS_PER_ADDRESS):
            logger.warning("Password reset emails to one address paused: too many requests")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


password_reset = rate_limit("password-reset", *RESETS_PER_CLIENT)(LimitedPasswordResetView.as_view())
