"""Background work: an upload does not wait for PDF text extraction, the worker does it, within a time limit."""

import time

import pytest
from django.core.management import call_command
from pypdf import PageObject

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
