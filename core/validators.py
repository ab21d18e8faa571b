"""Password rules beyond Django's own: not the site's name, not the username, not a few characters repeated."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Names of the site and programme, old and new, that an attacker tries first.
SITE_NAMES = ("changingtracks", "musicneteast", "musicnet")


def letters_and_digits(text):
    return re.sub(r"[\W_]+", "", str(text)).lower()


class SiteNameAndVarietyValidator:
    """Refuse a password that contains the site's name or the username, or uses fewer than min_distinct characters.

    "Changing-Tracks-2024", "maya.patel.maya" (for user maya.patel) and "aaaaaaaaaaaa" all meet a
    length rule but fall to the first guesses an attacker makes.
    """

    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        squeezed = letters_and_digits(password)
        names = {*SITE_NAMES, letters_and_digits(settings.WAGTAIL_SITE_NAME)}
        if any(name and name in squeezed for name in names):
            raise ValidationError(_("The password must not contain the site's name."), code="password_site_name")
        username = letters_and_digits(getattr(user, "username", "") or "")
        if len(username) >= 3 and username in squeezed:
            raise ValidationError(_("The password must not contain your username."), code="password_has_username")
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                _("The password must use at least %(count)d different characters.") % {"count": self.min_distinct},
                code="password_low_variety",
            )

    def get_help_text(self):
        return _(
            "Your password must not contain the site's name or your username, and must use at least "
            "%(count)d different characters."
        ) % {"count": self.min_distinct}
