"""PostgreSQL's pg_trgm extension, for the spelling suggestions' similarity() (search.words). Other databases are left alone."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_sqlite_fts_porter_stemming")]

    # Left in place when migrating back: other code may use the extension.
    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop, elidable=False)]
