"""An index on Wagtail's page url_path, which the site's routing looks pages up by (BasePage.route: the
pages along a path in one query), as do the redirect import (core/redirect_import.find_page) and
Wagtail's get_by_natural_key
(docs/scaling.md, "SQL of the site's own on Wagtail's tables").

Wagtail does not index the column; without the index each such lookup reads the whole page table.
The index belongs to Wagtail's table, so it is made with SQL that both PostgreSQL and SQLite accept,
and is not part of any model's state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_footer_text_per_language"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS core_page_url_path_idx ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX IF EXISTS core_page_url_path_idx",
        )
    ]
