"""Delete personal data kept longer than the privacy notice promises. Run it daily (see README).

Each app that keeps personal data says what has expired: its AppConfig has a
delete_expired_personal_data(now) method returning {description: number deleted}.
Core knows no content area, so it only asks them.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete enquiries and unconfirmed enews sign-ups older than their retention periods (see settings)."

    def handle(self, *args, **options):
        now = timezone.now()
        for config in apps.get_app_configs():
            delete_expired = getattr(config, "delete_expired_personal_data", None)
            if delete_expired is None:
                continue
            with transaction.atomic():
                deleted = delete_expired(now)
            for description, count in deleted.items():
                self.stdout.write(f"Deleted {count} {description}.")
