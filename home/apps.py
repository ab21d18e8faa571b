from datetime import timedelta

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and programme pages"

    def delete_expired_personal_data(self, now):
        """Enquiries older than ENQUIRY_RETENTION_DAYS."""
        from home.models import EnquirySubmission

        cutoff = now - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
        return {_("enquiries"): EnquirySubmission.objects.filter(submit_time__lt=cutoff).delete()[0]}
