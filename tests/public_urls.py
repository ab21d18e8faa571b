"""The site's public URLs, found rather than listed, so new page types are covered as they arrive.

The demo loader builds a page of every type a content area offers; the security,
hostile-input and load tests take one live page of each type from it, plus the
URLs that are not pages.
"""

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

NOT_FOUND_PATH = "/en/no-such-page-here/"


def load_demo_site():
    call_command("load_demo_content", stdout=None)


def one_live_page_per_type():
    """{page class: the first live, public page of that class}, in tree order."""
    pages = {}
    for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return pages


def public_paths():
    """{name: path} for a page of each type and every public view that is not a page."""
    paths = {f"page:{cls._meta.label_lower}": page.url for cls, page in one_live_page_per_type().items()}
    paths["search"] = reverse("search") + "?q=music"
    paths["not found"] = NOT_FOUND_PATH
    paths["health"] = reverse("health")
    return paths
