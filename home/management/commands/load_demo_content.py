"""Load the demo site. Safe to run again: it adds what is missing and changes nothing else."""

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

    @transaction.atomic
    def handle(self, *args, **options):
        home, home_is_new = home_demo.home_page()
        # First, so that the calls to action on the home and training pages can link to it.
        enquiries = enquiry_demo.enquiry_page(home)
        home_demo.load(home, home_is_new, enquiries)
        resources_demo.load_taxonomy()
        partners_demo.load(home)
        resources_demo.load(home)
        enquiry_demo.load(home)
        blog_demo.load(home)
        newsletter_demo.load(home)
        home_demo.welsh_footer()
        # Last, so every page the old sites' addresses point at exists.
        call_command("import_legacy_redirects", settings.BASE_DIR / "data" / "legacy_redirects.csv", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under '{home.title}' ({home.url_path})."))
