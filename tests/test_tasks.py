"""Background work: with the database queue, an upload does not wait for PDF text extraction; the worker does it."""

import pytest
from django.core.management import call_command

from resources.models import DocumentText
from tests.factories import pdf_document

pytestmark = pytest.mark.django_db(transaction=True)


def test_text_is_extracted_by_the_worker_not_while_saving(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    document = pdf_document("Queued", "Peer working groups for music services across the region.")
    assert not DocumentText.objects.filter(document=document).exists(), "saving only queued the work"
    call_command("db_worker", "--batch", "--no-startup-delay")
    assert "Peer working groups" in DocumentText.objects.get(document=document).text
