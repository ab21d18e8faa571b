"""The site's public URLs, found rather than listed, so new page types are covered as they arrive.

The demo loader builds a page of every type a content area offers; the security,
hostile-input and load tests take one live page of each type from it, plus the
URLs that are not pages.
"""

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, Locale, Page, Site

NOT_FOUND_PATH = "/en/no-such-page-here/"


def load_demo_site():
    """The demo content, in a test database as Wagtail's migrations leave it or as a browser test finds it.

    Transactional (browser) tests flush the tables Wagtail's migrations fill; the locale,
    the tree's root, the root collection and the default site are put back first when missing,
    as on a new install.
    """
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)
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
