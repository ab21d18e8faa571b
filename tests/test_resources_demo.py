"""The demo library: enough resources to cover every filter, each with a searchable PDF."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from core.blocks import HEARD_PRINCIPLES
from resources.models import Audience, DocumentText, Region, ResourcePage, ResourceType, Topic

pytestmark = pytest.mark.django_db


def test_demo_library_covers_every_type_topic_principle_audience_and_region(client):
    call_command("load_demo_content")
    resources = ResourcePage.objects.live()
    assert resources.count() >= 24
    assert set(resources.values_list("resource_type__slug", flat=True)) == set(
        ResourceType.objects.values_list("slug", flat=True)
    )
    for model, relation in ((Topic, "topics"), (Audience, "audiences"), (Region, "regions")):
        used = set(resources.values_list(f"{relation}__slug", flat=True)) - {None}
        assert used == set(model.objects.values_list("slug", flat=True)), model
    for slug, _name, _meaning in HEARD_PRINCIPLES:
        assert resources.filter(**{f"heard_{slug}": True}).exists(), slug
    for resource in resources:
        assert resource.downloads.exists(), resource.title
        assert client.get(resource.url).status_code == 200
    assert DocumentText.objects.filter(text="").count() == 0, "every demo PDF has a text layer"
    library = client.get("/en/resources/")
    assert library.status_code == 200


def test_demo_library_loads_once():
    call_command("load_demo_content")
    counts = (ResourcePage.objects.count(), get_document_model().objects.count(), DocumentText.objects.count())
    call_command("load_demo_content")
    assert (ResourcePage.objects.count(), get_document_model().objects.count(), DocumentText.objects.count()) == counts


def test_a_phrase_from_a_demo_pdf_finds_its_resource(client):
    call_command("load_demo_content")
    response = client.get("/en/search/", {"q": "session plan checklist"})
    assert response.context["results"][0].title == "Nurture groups toolkit"
