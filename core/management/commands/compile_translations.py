"""Compile the project's .po catalogues into .mo files with polib.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine may
not have; polib comes with wagtail-localize. Used by `make run` and CI.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile every locale/*/LC_MESSAGES/*.po under LOCALE_PATHS into .mo files."

    def handle(self, *args, **options):
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"Compiled {po_path.relative_to(settings.BASE_DIR)}")
