"""Editors read and export enews subscribers; Moderators also delete them (an erasure request) and pick the
privacy notice. Nobody adds or edits a subscriber: they come only from the sign-up form."""

from django.db import migrations

from core.roles import EDITORS, MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "newsletter", "subscriber", ["view"])
    grant_model_permissions(apps, MODERATORS, "newsletter", "subscriber", ["view", "delete"])
    grant_model_permissions(apps, MODERATORS, "newsletter", "newslettersettings", ["change"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("core", "0002_editor_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
