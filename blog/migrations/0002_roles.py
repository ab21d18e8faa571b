"""Editors and Moderators may manage the People who write for the blog."""

from django.db import migrations

from core.roles import EDITORS, MODERATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, EDITORS, "blog", "person", ["add", "change", "view"])
    grant_model_permissions(apps, MODERATORS, "blog", "person", ["add", "change", "delete", "view"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("core", "0002_editor_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
