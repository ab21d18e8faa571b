"""On SQLite, match word forms: the full-text table tokenised with FTS5's porter stemmer.

Wagtail's search (django-modelsearch) creates wagtailsearch_indexentry_fts with
FTS5's default tokenizer, which matches words exactly: "toolkits" never finds
"toolkit", and "nurture group" finds fewer pages than "nurture groups". Neither
library offers a setting for the tokenizer, so this migration recreates the table
with tokenize='porter unicode61' (the same columns, so the library's triggers and
queries keep working) and copies the index entries back into it. FTS5 stems the
words of a query with the same tokenizer. PostgreSQL stems through its text
search configuration and is left alone (docs/scaling.md, "Word forms").
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def recreate(schema_editor, tokenizer):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [f"{TABLE}_fts"])
        if cursor.fetchone() is None:  # an SQLite without FTS5: the library searches without it
            return
    tokenize = f", tokenize='{tokenizer}'" if tokenizer else ""
    schema_editor.execute(f"DROP TABLE {TABLE}_fts")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(autocomplete, body, title{tokenize})")
    schema_editor.execute(
        f"INSERT INTO {TABLE}_fts (rowid, title, body, autocomplete) SELECT id, title, body, autocomplete FROM {TABLE}"
    )


def stem(apps, schema_editor):
    recreate(schema_editor, "porter unicode61")


def match_exactly(apps, schema_editor):
    recreate(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index_entry_vectors_in_row"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(stem, match_exactly, elidable=False)]
