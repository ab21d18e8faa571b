"""The taxonomy editors manage: ordered terms with slugs, under one Taxonomy menu."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse
from wagtail.models import Locale

from taxonomy.models import Audience, Region, ResourceType, Topic

pytestmark = pytest.mark.django_db


def test_demo_loads_every_resource_type_in_order():
    call_command("load_demo_content")
    assert [term.name for term in ResourceType.objects.filter(locale=Locale.get_default())] == [
        "Toolkit",
        "Report",
        "Case study",
        "Video",
        "Tool or template",
        "Guide",
    ]
    assert Region.objects.filter(slug="east-of-england").exists()
    assert {"nurture-groups", "send", "youth-voice"} <= set(Topic.objects.values_list("slug", flat=True))


def test_a_slug_is_unique_within_a_language():
    Audience.objects.create(name="Schools", slug="schools", locale=Locale.get_default())
    with pytest.raises(IntegrityError):
        Audience.objects.create(name="Schools again", slug="schools", locale=Locale.get_default())


def test_editors_find_the_terms_under_the_taxonomy_menu(admin_client):
    Topic.objects.create(name="Youth voice", slug="youth-voice", locale=Locale.get_default())
    dashboard = admin_client.get(reverse("wagtailadmin_home"))
    assert b"Taxonomy" in dashboard.content
    listing = admin_client.get(reverse("wagtailsnippets_taxonomy_topic:list"))
    assert listing.status_code == 200
    assert b"youth-voice" in listing.content
