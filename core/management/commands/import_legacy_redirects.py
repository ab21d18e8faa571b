"""Import the old sites' addresses as redirects from a CSV file. Safe to run again."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.redirect_import import import_redirects


class Command(BaseCommand):
    help = (
        "Create permanent redirects from a CSV of old_path,target[,allow_external,note]. "
        "Rows that cannot be matched are reported and skipped; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_path", help="The CSV file, for example data/legacy_redirects.csv.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change without saving.")

    def handle(self, *args, csv_path, dry_run, **options):
        path = Path(csv_path)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        with path.open(newline="", encoding="utf-8-sig") as csv_file:
            report = import_redirects(csv_file, dry_run=dry_run)
        verbose = options["verbosity"] > 1
        for heading, lines in [("Created", report.created), ("Updated", report.updated)]:
            for line in lines if verbose else []:
                self.stdout.write(f"{heading}: {line}")
        for line, reason in report.skipped:
            self.stdout.write(self.style.WARNING(f"Skipped line {line}: {reason}"))
        prefix = "Dry run, nothing saved: " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
