"""Email each page owner the list of their pages due for review. Run weekly from cron."""

import logging
import smtplib
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import ngettext

from core.review import pages_due_for_review

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Email every owner of pages due for review one message listing them. Run weekly."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say who would be emailed, send nothing.")

    def handle(self, *args, dry_run, **options):
        by_owner = defaultdict(list)
        unowned = 0
        for page in pages_due_for_review():
            owner = page.review_owner
            if owner is None or not owner.is_active or not owner.email:
                unowned += 1
                continue
            page.admin_edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "wagtailadmin_pages:edit", args=[page.pk]
            )
            by_owner[owner].append(page)
        failed = 0
        for owner, pages in by_owner.items():
            if not dry_run:
                context = {"owner": owner, "pages": pages}
                try:
                    send_mail(
                        subject=ngettext("%(count)d page due for review", "%(count)d pages due for review", len(pages))
                        % {"count": len(pages)},
                        message=render_to_string("core/email/review_reminder.txt", context),
                        from_email=None,
                        recipient_list=[owner.email],
                    )
                except (OSError, smtplib.SMTPException):
                    # One owner's mail failing (or the mail server being down) must not stop the others.
                    logger.exception("Could not send a review reminder to user %s", owner.pk)
                    failed += 1
                    continue
            self.stdout.write(f"{owner.email}: {len(pages)} page(s)")
        if unowned:
            self.stdout.write(
                self.style.WARNING(f"{unowned} page(s) due for review have no owner with an email address.")
            )
        if failed:
            raise CommandError(
                f"{failed} reminder(s) could not be sent; the pages stay due, so the next run tries again."
            )
        action = "Would send" if dry_run else "Sent"
        self.stdout.write(self.style.SUCCESS(f"{action} {len(by_owner)} reminder(s)."))
