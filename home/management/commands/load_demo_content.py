"""Load the demo site. Safe to run again: it adds what is missing and changes nothing else."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from blog import demo as blog_demo
from home import demo as home_demo
from home import enquiry_demo
from newsletter import demo as newsletter_demo
from partners import demo as partners_demo
from resources import demo as resources_demo


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
            home = self.step("Home page and programme pages", home_demo.load)
            self.step("Resource types, topics, audiences and regions", resources_demo.load_taxonomy)
            self.step("Partner profiles", partners_demo.load, home)
            self.step("Resource library", resources_demo.load, home)
            self.step("The enquiry form", enquiry_demo.load, home)
            self.step("Blog posts", blog_demo.load, home)
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
