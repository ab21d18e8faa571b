"""Keep the search index's title and body vectors in the row, on PostgreSQL.

An index entry also holds its title and body as plain text, so most rows are
over PostgreSQL's 2 kB TOAST threshold. With the default storage PostgreSQL
first tries to compress the largest column, the body vector, which hardly
compresses, then moves it out to the TOAST table; ranking a search's matches
then reads each body vector back from there, five times the cost of ranking
itself (benchmarks/README.md, "What limits search"). With storage MAIN the
plain text is compressed or moved out first, and a vector leaves the row only
when nothing else can. Existing entries are rewritten to take the new layout.
Other databases are left alone.
"""

from django.db import migrations

COLUMNS = ("title", "body")


def set_storage(schema_editor, storage):
    columns = ", ".join(f"ALTER COLUMN {column} SET STORAGE {storage}" for column in COLUMNS)
    schema_editor.execute(f"ALTER TABLE wagtailsearch_indexentry {columns}")


def keep_vectors_in_row(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        set_storage(schema_editor, "MAIN")
        # A new value for each vector (|| builds one), so PostgreSQL stores it afresh.
        rewritten = ", ".join(f"{column} = {column} || ''::tsvector" for column in COLUMNS)
        schema_editor.execute(f"UPDATE wagtailsearch_indexentry SET {rewritten}")


def restore_default_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        set_storage(schema_editor, "EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_entry_text_gin"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(keep_vectors_in_row, restore_default_storage, elidable=False)]
