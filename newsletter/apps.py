from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Enews")

    def ready(self):
        from core.fragments import forget_changed_settings
        from newsletter.models import NewsletterSettings

        # The footer's sign-up form links to the privacy notice chosen in these settings.
        post_save.connect(forget_changed_settings, sender=NewsletterSettings, dispatch_uid="newsletter.fragments")

    def delete_expired_personal_data(self, now):
        """Sign-ups never confirmed, and unsubscribed addresses, older than the retention period."""
        from newsletter.models import Subscriber

        return {_("unconfirmed or unsubscribed enews sign-ups"): Subscriber.objects.expired(now).delete()[0]}
