from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Enews")

    def delete_expired_personal_data(self, now):
        """Sign-ups never confirmed, and unsubscribed addresses, older than the retention period."""
        from newsletter.models import Subscriber

        return {_("unconfirmed or unsubscribed enews sign-ups"): Subscriber.objects.expired(now).delete()[0]}
