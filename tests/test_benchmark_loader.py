"""The benchmark's bulk loader writes pages straight into the tree: it must build one Wagtail can serve and search."""

import pytest
from wagtail.models import Page

from benchmarks import bulk_load
from blog.models import BlogPage
from partners.models import PartnerPage
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db

SCALE = {"resources": 30, "posts": 10, "partners": 10}
LOADED_TYPES = [(ResourcePage, "resources"), (BlogPage, "posts"), (PartnerPage, "partners")]


def load():
    bulk_load.load(**SCALE, report=lambda line: None)


def bench_pages(model):
    return model.objects.filter(slug__startswith=bulk_load.SLUG_PREFIX).order_by("path")


def test_loaded_pages_are_live_in_a_sound_tree_and_served(client):
    load()

    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths and child counts all consistent
    for model, scale in LOADED_TYPES:
        pages = bench_pages(model)
        assert pages.count() == SCALE[scale]
        assert list(pages.live()) == list(pages)
        parent = pages.first().get_parent()
        assert all(page.get_parent() == parent for page in pages)
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.content.decode()


def test_loaded_pages_are_found_by_site_search(client):
    load()

    for model, _scale in LOADED_TYPES:
        page = bench_pages(model).last()
        response = client.get("/en/search/", {"q": page.title})
        assert page.url in response.content.decode(), model


def test_loaded_pages_link_to_each_other(client):
    load()

    post = bench_pages(BlogPage).first()
    resource = post.related_resources.get().resource
    partner = post.mentioned_partners.get().partner
    assert resource.slug.startswith(bulk_load.SLUG_PREFIX)
    assert partner.slug.startswith(bulk_load.SLUG_PREFIX)
    assert resource.url in client.get(post.url).content.decode()
    assert resource.url in client.get(partner.url).content.decode()  # the profile lists what the partner wrote


def test_a_second_run_adds_nothing():
    load()
    load()

    for model, scale in LOADED_TYPES:
        assert bench_pages(model).count() == SCALE[scale]
    assert Page.find_problems() == ([], [], [], [], [])
