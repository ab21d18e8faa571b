"""Editors build pages through Wagtail's real admin views."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ProgrammePage
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db


def programme_form(**overrides):
    fields = {
        "title": "Nurture groups",
        "slug": "nurture-groups",
        "intro": "How music services are running nurture groups with primary schools.",
        "body": streamfield(
            [
                ("heading", {"text": "Why nurture groups", "level": "h2"}),
                ("paragraph", rich_text("<p>Small groups that build confidence through music.</p>")),
            ]
        ),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("home", "programmepage", parent.pk))


def test_editor_previews_then_publishes_a_programme_page(admin_client, home_page):
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=("home", "programmepage", home_page.pk))
    response = admin_client.post(preview_url, programme_form())
    assert response.json() == {"is_valid": True, "is_available": True}
    preview = admin_client.get(preview_url)
    assert preview.status_code == 200
    assert b"Small groups that build confidence through music." in preview.content
    assert not ProgrammePage.objects.exists(), "a preview must not save the page"

    response = admin_client.post(add_url(home_page), programme_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="nurture-groups")
    assert page.live and page.get_parent().pk == home_page.pk
    public = admin_client.get(page.url)
    assert b"Why nurture groups" in public.content


def test_invalid_page_shows_the_error_beside_the_field_and_keeps_what_was_typed(admin_client, home_page):
    response = admin_client.post(add_url(home_page), programme_form(title="", **{"action-publish": "publish"}))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    title_field = soup.select_one("[data-field-wrapper]:has(#id_title)") or soup.select_one(
        "#panel-child-content-child-title-section"
    )
    assert title_field is not None and "This field is required" in title_field.get_text()
    assert (
        soup.select_one("#id_intro").get_text().strip()
        == "How music services are running nurture groups with primary schools."
    )
    assert not Page.objects.filter(slug="nurture-groups").exists()


def test_admin_refuses_an_image_block_without_alt_text(admin_client, home_page):
    image = ImageFactory()
    body = streamfield([("image", {"image": image.pk, "alt_text": "", "decorative": "", "caption": ""})])
    response = admin_client.post(add_url(home_page), programme_form(body=body, **{"action-publish": "publish"}))
    assert response.status_code == 200
    assert b"Add alt text describing the image" in response.content
    assert not ProgrammePage.objects.exists()


def test_programme_page_cannot_be_added_at_the_root(admin_client, home_page):
    root = Page.get_first_root_node()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("home", "programmepage", root.pk)), follow=True)
    assert "do not have permission" in " ".join(str(message) for message in response.context["messages"])
    assert not ProgrammePage.objects.exists()


def test_the_dashboard_explains_autosaved_drafts_to_editors(client, home_page):
    client.force_login(UserFactory(groups=["Editors"]))
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    notes = soup.find(id="editor-notes-content").get_text(" ", strip=True)
    assert "saves your work as a draft by itself" in notes
    assert "A draft is never shown to visitors." in notes
