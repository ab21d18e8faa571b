"""The demo library: enough resources to cover every filter, each with a searchable PDF.

Its alternative formats are real: a large print version is another file, with the same text at 16 pt or more.
"""

import hashlib
import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from wagtail.documents import get_document_model

from resources.models import DocumentText, ResourceAlternativeFormat, ResourcePage
from taxonomy.models import Audience, Region, ResourceType, Topic
from taxonomy.principles import HEARD_PRINCIPLES

pytestmark = pytest.mark.django_db


def test_demo_library_covers_every_type_topic_principle_audience_and_region(client):
    call_command("load_demo_content")
    resources = ResourcePage.objects.live()
    assert resources.count() >= 8
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
    assert response.context["results"][0].title == "Example: Nurture groups toolkit"


def sha256(document):
    with document.open_file() as file:
        return hashlib.sha256(file.read()).hexdigest()


def pdf_of(document):
    with document.open_file() as file:
        return PdfReader(io.BytesIO(file.read()))


def body_text_sizes(reader):
    """The size in points of every run of text after the first page's title, as a reader sees it."""
    sizes = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * abs(tm[3] * cm[3]))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes[1:]


def words(reader):
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_every_demo_alternative_format_is_a_different_file_from_the_main_download():
    call_command("load_demo_content")
    alternatives = ResourceAlternativeFormat.objects.exclude(document=None).select_related("document")
    assert alternatives.exists()
    for alternative in alternatives:
        main_downloads = {sha256(download.document) for download in alternative.page.downloads.all()}
        assert sha256(alternative.document) not in main_downloads, alternative.document.title


def test_demo_large_print_is_the_same_text_at_16_point_or_more():
    call_command("load_demo_content")
    large_prints = ResourceAlternativeFormat.objects.filter(format="large_print").select_related("document")
    assert large_prints.exists()
    for large_print in large_prints:
        reader = pdf_of(large_print.document)
        sizes = body_text_sizes(reader)
        assert sizes and min(sizes) >= 16, (large_print.document.title, min(sizes))
        main = pdf_of(large_print.page.downloads.first().document)
        assert max(body_text_sizes(main)) < 16
        assert words(reader) == words(main).replace(main.metadata.title, reader.metadata.title, 1)


def test_the_demo_offers_easy_read_only_where_an_easy_read_document_exists():
    call_command("load_demo_content")
    assert not ResourceAlternativeFormat.objects.filter(format="easy_read").exists(), "no Easy Read has been written"
