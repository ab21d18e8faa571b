"""Editors' uploads: only safe kinds and sizes get in, each refusal says why, downloads cannot run in the site."""

import io
import json
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><script>alert(document.cookie)</script>"


def png(size, mode="RGB", noise=False):
    image = Image.frombytes(mode, size, os.urandom(size[0] * size[1] * 3)) if noise else Image.new(mode, size)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def gif(size, frames):
    images = [Image.new("P", size, color) for color in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


FORBIDDEN_DOCUMENTS = [
    ("page.html", HTML, "File extension “html” is not allowed."),
    ("drawing.svg", SVG, "File extension “svg” is not allowed."),
    ("script.js", b"alert(1)", "File extension “js” is not allowed."),
    ("installer.exe", b"MZ\x90\x00", "File extension “exe” is not allowed."),
    ("bundle.zip", b"PK\x03\x04", "File extension “zip” is not allowed."),
    ("toolkit.pdf", b"%PDF-1.4\n" + b"0" * (20 * MB), "This file is too big"),
]


def upload_document(admin_client, name, content):
    collection = Collection.get_first_root_node()
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": collection.pk},
    )


@pytest.mark.parametrize(("name", "content", "error"), FORBIDDEN_DOCUMENTS, ids=[d[0] for d in FORBIDDEN_DOCUMENTS])
def test_the_document_form_refuses_forbidden_files_with_a_clear_error(admin_client, name, content, error):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(("name", "content", "error"), FORBIDDEN_DOCUMENTS, ids=[d[0] for d in FORBIDDEN_DOCUMENTS])
def test_the_multiple_document_uploader_refuses_them_too(admin_client, name, content, error):
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})
    result = json.loads(response.content)
    assert result["success"] is False
    assert error in result["error_message"]
    assert not get_document_model().objects.exists()


def test_an_allowed_document_is_accepted(admin_client):
    response = upload_document(admin_client, "toolkit.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".pdf")


FORBIDDEN_IMAGES = [
    ("logo.svg", lambda: SVG, "Not a supported image format."),
    ("photo.png", lambda: SVG, "Not a valid .png image. The extension does not match the file format (svg)"),
    ("notes.png", lambda: b"Not an image at all", "Upload a valid image."),
    ("photo.jpg", lambda: png((10, 10)), "Not a valid .jpeg image. The extension does not match the file format (png)"),
    ("huge.png", lambda: png((8000, 5001), mode="1"), "This file has too many pixels"),
    ("animation.gif", lambda: gif((1000, 1000), frames=17), "This file has too many pixels"),
    ("heavy.png", lambda: png((2000, 1800), noise=True), "This file is too big"),
]


@pytest.mark.parametrize(("name", "make", "error"), FORBIDDEN_IMAGES, ids=[i[0] for i in FORBIDDEN_IMAGES])
def test_the_image_form_refuses_forbidden_files_with_a_clear_error(admin_client, name, make, error):
    collection = Collection.get_first_root_node()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, make()), "collection": collection.pk},
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("name", "make", "error"), FORBIDDEN_IMAGES, ids=[i[0] for i in FORBIDDEN_IMAGES])
def test_the_multiple_image_uploader_refuses_them_too(admin_client, name, make, error):
    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, make())})
    result = json.loads(response.content)
    assert result["success"] is False
    assert error in result["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "make"),
    [("phone-photo.png", lambda: png((4000, 3000), mode="1")), ("short.gif", lambda: gif((1000, 1000), frames=15))],
)
def test_images_within_the_pixel_limit_are_accepted(admin_client, name, make):
    collection = Collection.get_first_root_node()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, make()), "collection": collection.pk},
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().title == name


def document(name, content):
    return get_document_model().objects.create(title=name, file=ContentFile(content, name=name))


@pytest.mark.parametrize(
    ("name", "disposition"),
    [("toolkit.pdf", "inline"), ("report.docx", "attachment"), ("notes.txt", "attachment"), ("data.csv", "attachment")],
)
def test_documents_download_except_pdfs(client, name, disposition):
    response = client.get(document(name, b"content").url)
    assert response.status_code == 200
    assert response["Content-Disposition"].split(";")[0] == disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_pdf_that_is_really_html_cannot_run_script_in_the_site(client):
    response = client.get(document("toolkit.pdf", HTML).url)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
