"""Background work: an upload does not wait for PDF text extraction or image renditions; the worker
does them, the PDF within a time limit."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from pypdf import PageObject
from wagtail.images import get_image_model
from wagtail.models import Collection

from core.images import APPROVED_RENDITIONS
from resources.models import DocumentText
from tests.factories import pdf_document

pytestmark = pytest.mark.django_db(transaction=True)


def test_text_is_extracted_by_the_worker_not_while_saving(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    document = pdf_document("Queued", "Peer working groups for music services across the region.")
    assert not DocumentText.objects.filter(document=document).exists(), "saving only queued the work"
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert "Peer working groups" in DocumentText.objects.get(document=document).text


def test_a_slow_pdf_is_stopped_at_the_time_limit_and_saved_without_text(settings, monkeypatch):
    from resources import text

    def slow_page_text(page, *args, **kwargs):
        time.sleep(30)

    monkeypatch.setattr(text, "EXTRACTION_SECONDS", 1)
    monkeypatch.setattr(PageObject, "extract_text", slow_page_text)
    started = time.monotonic()
    document = pdf_document("Slow", "Words that take a very long time to read.")
    assert time.monotonic() - started < 10
    stored = DocumentText.objects.get(document=document)
    assert stored.text == "" and stored.note == "reading the PDF took longer than 1 seconds"


def png(size, colour):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue())


def root_collection():
    """The root collection; a transactional test's flush removes the one migrations made."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def approved_renditions(image):
    return set(image.renditions.filter(filter_spec__in=APPROVED_RENDITIONS).values_list("filter_spec", flat=True))


def test_an_uploaded_images_renditions_are_made_by_the_worker_not_while_uploading(admin_client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PREGENERATE_RENDITIONS = True
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Example: a workshop",
            "file": png((640, 360), "teal"),
            "collection": root_collection().pk,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert approved_renditions(image) == set(), "the upload only queued the work"
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert approved_renditions(image) == APPROVED_RENDITIONS


def test_a_replaced_file_gets_renditions_of_the_new_picture(admin_client, settings):
    settings.PREGENERATE_RENDITIONS = True
    collection = root_collection().pk
    admin_client.post(
        reverse("wagtailimages:add"), {"title": "Example", "file": png((640, 360), "red"), "collection": collection}
    )
    image = get_image_model().objects.get()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Example", "file": png((640, 360), "blue"), "collection": collection},
    )
    assert response.status_code == 302
    assert approved_renditions(image) == APPROVED_RENDITIONS
    rendition = image.renditions.get(filter_spec="format-jpeg|width-480")
    with Image.open(rendition.file) as picture:
        red, green, blue = picture.convert("RGB").getpixel((10, 10))
    assert blue > 200 and red < 50
