"""The Welsh catalogue translates every string marked for translation in the code and templates."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/cy/LC_MESSAGES/django.po")
NOT_COPIED = shutil.ignore_patterns(".*", "__pycache__", "media", "staticfiles", "*.sqlite3", "node_modules")


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext (apt-get install gettext)")
def test_welsh_catalogue_is_complete_for_the_current_code(tmp_path):
    """makemessages, run on a copy of the project, finds no string the Welsh catalogue lacks."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "cy", "--no-obsolete", "--ignore", "tests/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    catalogue = polib.pofile(str(copy / CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    assert missing == [], "Translate these into Welsh in locale/cy/LC_MESSAGES/django.po (make messages)"


def test_every_welsh_entry_keeps_the_placeholders_of_its_source():
    catalogue = polib.pofile(str(ROOT / CATALOGUE))
    for entry in catalogue.translated_entries():
        pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()] or [(entry.msgid, entry.msgstr)]
        for source, translated in pairs:
            assert placeholders(source) == placeholders(translated), entry.msgid


def placeholders(text):
    return sorted(re.findall(r"%\(\w+\)[sd]|\{\w*\}", text))
