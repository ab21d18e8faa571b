"""Load the demo site. Safe to run again: it adds what is missing and changes nothing else."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo as home_demo
from partners import demo as partners_demo
from resources import demo as resources_demo


class Command(BaseCommand):
    help = "Create the demo pages, images and settings from the programme's facts. Idempotent."

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_demo.load()
        resources_demo.load_taxonomy()
        partners_demo.load(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready under '{home.title}' ({home.url_path})."))
