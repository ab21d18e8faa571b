"""Load the demo site. Safe to run again: it adds what is missing and changes nothing else."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import blog as blog_demo
from demo import enquiries as enquiry_demo
from demo import events as events_demo
from demo import home as home_demo
from demo import newsletter as newsletter_demo
from demo import partners as partners_demo
from demo import resources as resources_demo


class Command(BaseCommand):
    help = "Create the demo pages, images and settings from the programme's facts. Idempotent."

    def step(self, label, load, *args, **kwargs):
        """One line per step, written before the step so a slow one shows what it is doing."""
        self.stdout.write(f"  {label}")
        return load(*args, **kwargs)

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Loading the demo content:")
        # Wagtail logs three lines for each page it creates; the steps' own lines say what is happening.
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            home, _is_new = self.step("Home page", home_demo.home_page)
            # Before the programme pages, so that the calls to action on the home and training pages can link to it.
            enquiries = self.step("The enquiry form", enquiry_demo.enquiry_page, home)
            self.step("Programme pages", home_demo.load, home, enquiries)
            self.step("Resource types, topics, audiences and regions", resources_demo.load_taxonomy)
            self.step("Partner profiles", partners_demo.load, home)
            self.step("Resource library", resources_demo.load, home)
            self.step("Example enquiries", enquiry_demo.load, home)
            self.step("Blog posts", blog_demo.load, home)
            self.step("Example events", events_demo.load, home)
            self.step("Enews sign-up", newsletter_demo.load, home)
            self.step("Welsh footer", home_demo.welsh_footer)
            # Last, so every page the old sites' addresses point at exists.
            self.step(
                "Redirects from the old sites' addresses",
                call_command,
                "import_legacy_redirects",
                settings.BASE_DIR / "data" / "legacy_redirects.csv",
                stdout=self.stdout,
            )
        finally:
            wagtail_logger.setLevel(level)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under '{home.title}' ({home.url_path})."))
