"""docs/scaling.md names only settings and environment variables the code has."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# A backticked name in capitals with at least one underscore: REDIS_URL, PAGE_CACHE_SECONDS.
SETTING_NAME = re.compile(r"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`")


def read_from_environment(name):
    """Whether the settings modules read the environment variable name."""
    source = "\n".join(path.read_text() for path in (ROOT / "changingtracks" / "settings").glob("*.py"))
    return re.search(rf"""(environ\.get\(|environ\[|required\(|env=)["']{name}["']""", source) is not None


def test_every_setting_named_in_the_scaling_doc_exists():
    names = set(SETTING_NAME.findall((ROOT / "docs" / "scaling.md").read_text()))
    assert {"PAGE_CACHE_SECONDS", "AWS_STORAGE_BUCKET_NAME", "OPENSEARCH_URL"} <= names
    missing = sorted(name for name in names if not hasattr(settings, name) and not read_from_environment(name))
    assert not missing, f"docs/scaling.md names settings the code does not have: {missing}"


def test_every_raw_sql_migration_on_wagtails_tables_is_explained_in_the_scaling_doc():
    """A migration of the site's that runs its own SQL on a table of Wagtail's is named in docs/scaling.md."""
    doc = (ROOT / "docs" / "scaling.md").read_text()
    raw_sql = [
        f"{path.parent.parent.name}/{path.stem}"
        for path in ROOT.glob("*/migrations/0*.py")
        if re.search(r"RunSQL|\.execute\(", path.read_text()) and re.search(r"\bwagtail\w*_\w+", path.read_text())
    ]
    assert "core/0005_page_url_path_index" in raw_sql
    missing = [name for name in raw_sql if f"`{name}`" not in doc]
    assert not missing, f"docs/scaling.md does not explain these migrations' SQL on Wagtail's tables: {missing}"
