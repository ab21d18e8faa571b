"""Text extraction from PDF documents, for site search.

When a document is saved its PDF text is extracted with pypdf and kept in
DocumentText; resources offering the document as a download are then indexed
again, so their search entry holds the text. Anything that is not a readable
PDF is saved without text, and the log says why. The work runs as a
django_tasks task, queued in the database (settings TASKS) and run by
`manage.py db_worker`, so an upload returns without waiting for it; the tests
run it at once with the immediate backend.
"""

import hashlib
import io
import logging
import signal
import threading
from contextlib import contextmanager

from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents import get_document_model
from wagtail.search import index

logger = logging.getLogger(__name__)

# Enough for a long report; the search index (a PostgreSQL tsvector) must stay well under 1 MB.
MAX_PAGES = 300
MAX_CHARACTERS = 200_000
PDF_SIGNATURE = b"%PDF-"
# A hard limit per document: a crafted PDF can take minutes to parse. Enforced with a timer signal
# where the work runs in a process's main thread (manage.py db_worker, tests); elsewhere no limit.
EXTRACTION_SECONDS = 20


class NoText(Exception):
    """The document has no text we can extract; the message says why."""


@contextmanager
def time_limit(seconds):
    """Raise NoText in the block once it has run for `seconds` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise NoText(f"reading the PDF took longer than {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pdf_text(stream):
    """The text of the PDF in a binary file object, pages separated by blank lines."""
    if stream.read(1024).find(PDF_SIGNATURE) == -1:
        raise NoText("not a PDF file")
    stream.seek(0)
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise NoText("the PDF is password-protected")
        pages = []
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES:
                break
            pages.append(page.extract_text() or "")
    except NoText:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise NoText(f"the PDF could not be read ({type(error).__name__}: {error})") from error
    text = "\n\n".join(page.strip() for page in pages if page.strip())[:MAX_CHARACTERS]
    if not text:
        raise NoText("the PDF has no text layer (perhaps scanned images)")
    return text


def extract(document):
    """Extract and store the text of one document; returns the DocumentText."""
    from resources.models import DocumentText

    with document.open_file() as stream:
        content = stream.read()
    content_hash = hashlib.sha256(content).hexdigest()
    stored = DocumentText.objects.filter(document=document).first()
    if stored and stored.content_hash == content_hash:
        return stored
    try:
        with time_limit(EXTRACTION_SECONDS):
            text, note = pdf_text(io.BytesIO(content)), ""
    except NoText as reason:
        text, note = "", str(reason)[:255]
        log = logger.info if note == "not a PDF file" else logger.warning
        log("No text extracted from document %s (%r): %s", document.pk, document.title, note)
    stored, _created = DocumentText.objects.update_or_create(
        document=document, defaults={"text": text, "content_hash": content_hash, "note": note}
    )
    reindex_resources_offering(document)
    return stored


def reindex_resources_offering(document):
    from resources.models import ResourcePage

    for page in ResourcePage.objects.filter(downloads__document=document).distinct():
        index.insert_or_update_object(page)


@task()
def extract_text_task(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    try:
        extract(document)
    except OSError as error:
        logger.warning("Document %s could not be opened for text extraction: %s", document_id, error)


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of the document model: extract its text unless only metadata fields changed."""
    if raw or (update_fields and "file" not in update_fields):
        return
    extract_text_task.enqueue(instance.pk)
