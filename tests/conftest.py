import pytest
from django.core.cache import cache

from tests.factories import ProgrammePageFactory, build_home_page


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, never the real media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no rate-limit counts or cached site paths from another test."""
    cache.clear()


@pytest.fixture
def home_page(db):
    return build_home_page()


@pytest.fixture
def programme_page(home_page):
    return ProgrammePageFactory(parent=home_page, title="About Changing Tracks", slug="about")
