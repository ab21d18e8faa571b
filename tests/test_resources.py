"""Resource pages: what a visitor sees, how downloads are served, and how editors publish them."""

import datetime
import logging

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from partners.models import PartnerPage
from resources.models import (
    DocumentText,
    RelatedResource,
    ResourceAlternativeFormat,
    ResourceAuthoringPartner,
    ResourceDownload,
    ResourcePage,
)
from resources.partner_links import link_names_to_partner_pages
from tests.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    pdf_document,
)

pytestmark = pytest.mark.django_db

TOOLKIT_PHRASE = "a nurture group session plan checklist"


@pytest.fixture
def library(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def toolkit(library):
    document = pdf_document("Nurture groups toolkit", "Agree the aims with the school.", TOOLKIT_PHRASE.capitalize())
    large_print = pdf_document("Nurture groups toolkit (large print)", "Agree the aims with the school.")
    related = ResourcePageFactory(parent=library, title="Starting a nurture group")
    return ResourcePageFactory(
        parent=library,
        title="Nurture groups toolkit",
        summary="For music services and primary schools setting up a nurture group.",
        publication_date=datetime.date(2023, 9, 1),
        last_reviewed=datetime.date(2024, 3, 1),
        resource_type=ResourceTypeFactory(name="Toolkit"),
        topics=[TopicFactory(name="Nurture groups"), TopicFactory(name="SEND")],
        heard_holistic=True,
        heard_authentic=True,
        downloads=[ResourceDownload(document=document, label="The toolkit")],
        alternative_formats=[
            ResourceAlternativeFormat(format="large_print", document=large_print),
            ResourceAlternativeFormat(format="bsl_video", url="https://example.org/bsl"),
        ],
        authoring_partners=[ResourceAuthoringPartner(name="Hertfordshire Music Service")],
        related_resources=[RelatedResource(resource=related)],
    )


def test_resource_page_shows_its_facts_downloads_and_formats(client, toolkit):
    response = client.get(toolkit.url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Nurture groups toolkit"]
    facts = {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True) for row in soup.select(".resource__facts div")
    }
    assert facts == {
        "Type": "Toolkit",
        "Published": "1 September 2023",
        "Last reviewed": "1 March 2024",
        "Written by": "Hertfordshire Music Service",
        "Topics": "Nurture groups, SEND",
    }
    assert [tag.get_text(" ", strip=True) for tag in soup.select("main .heard-tag")] == [
        "H Holistic",
        "A Authentic",
    ]
    download = soup.select_one("#downloads-heading + ul a")
    assert download.has_attr("download")
    size = filesizeformat(toolkit.downloads.get().document.file_size)
    assert download.get_text(" ", strip=True) == f"The toolkit (PDF, {size})"
    formats = [link.get_text(" ", strip=True) for link in soup.select("#formats-heading + ul a")]
    assert formats[0].startswith("Large print (PDF, ") and formats[1] == "British Sign Language (BSL) video"
    assert soup.select_one("#formats-heading + ul a[href='https://example.org/bsl']")
    assert [a.get_text(strip=True) for a in soup.select(".related .card__title a")] == ["Starting a nurture group"]


def test_pdf_downloads_open_in_the_browser_with_safe_headers(client, toolkit):
    document = toolkit.downloads.get().document
    response = client.get(document.url)
    assert response.status_code == 200
    # PDFs open in the browser's viewer; other kinds are attachments (tests/test_uploads.py).
    assert response["Content-Disposition"].startswith("inline;")
    assert 'filename="nurture-groups-toolkit' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_phrase_only_inside_the_pdf_finds_the_resource(client, toolkit):
    assert TOOLKIT_PHRASE not in toolkit.summary
    results = ResourcePage.objects.live().search(TOOLKIT_PHRASE, operator="and")
    assert [page.title for page in results] == ["Nurture groups toolkit"]
    soup = BeautifulSoup(client.get("/en/search/", {"q": TOOLKIT_PHRASE}).content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".search-results .card__title a")] == ["Nurture groups toolkit"]


def test_replacing_a_download_file_reindexes_its_resource(toolkit):
    document = toolkit.downloads.get().document
    replacement = pdf_document("Replacement", "Peer working groups for music services across the region.")
    document.file.save("replaced.pdf", ContentFile(replacement.file.read()))
    assert "Peer working groups" in DocumentText.objects.get(document=document).text
    assert [page.pk for page in ResourcePage.objects.search("peer working groups", operator="and")] == [toolkit.pk]
    assert not ResourcePage.objects.search(TOOLKIT_PHRASE, operator="and")


@pytest.mark.parametrize(
    ("filename", "content", "reason"),
    [
        ("notes.txt", b"Plain text, not a PDF.", "not a PDF file"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a PDF\n%%EOF", "the PDF could not be read"),
    ],
)
def test_a_non_pdf_or_corrupt_pdf_saves_without_text_and_logs_why(caplog, filename, content, reason):
    caplog.set_level(logging.INFO, logger="resources.text")
    document = get_document_model().objects.create(title=filename, file=ContentFile(content, name=filename))
    stored = DocumentText.objects.get(document=document)
    assert stored.text == "" and stored.note.startswith(reason)
    assert any(reason in record.getMessage() and filename in record.getMessage() for record in caplog.records)


def test_alternative_format_needs_a_document_or_a_link_but_not_both(toolkit):
    document = toolkit.downloads.get().document
    for fields in ({}, {"document": document, "url": "https://example.org/"}):
        with pytest.raises(ValidationError):
            ResourceAlternativeFormat(page=toolkit, format="audio", **fields).full_clean()
    ResourceAlternativeFormat(page=toolkit, format="audio", url="https://example.org/").full_clean()


def resource_form(library, topic, resource_type, document, **overrides):
    fields = {
        "title": "Stages and indicators of inclusion",
        "slug": "stages-and-indicators",
        "summary": "A self-assessment tool for music services.",
        "publication_date": "2022-09-01",
        "last_reviewed": "",
        "next_review_date": "",
        "resource_type": str(resource_type.pk),
        "heard_equitable": "on",
        "body": streamfield([("paragraph", rich_text("<p>Work through the tool as a team.</p>"))]),
        "downloads": inline_formset([{"document": str(document.pk), "label": "The tool"}]),
        "alternative_formats": inline_formset([]),
        "authoring_partners": inline_formset([{"name": "Changing Tracks"}]),
        "related_resources": inline_formset([]),
        "comments": inline_formset([]),
    }
    fields.update(overrides)
    data = nested_form_data(fields)
    data["topics"] = [str(topic.pk)]  # a multiple choice: one key, several values
    return data


def test_editor_publishes_a_resource_with_a_download_through_the_admin(admin_client, library):
    topic, resource_type = TopicFactory(name="Measuring inclusion"), ResourceTypeFactory(name="Tool or template")
    document = pdf_document("Stages and indicators", "For each principle, note what you already do.")
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    form = admin_client.get(url)
    assert form.status_code == 200 and b"HEARD principles" in form.content
    response = admin_client.post(
        url, resource_form(library, topic, resource_type, document, **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    page = ResourcePage.objects.get(slug="stages-and-indicators")
    assert page.live and page.heard_equitable and not page.heard_holistic
    assert list(page.topics.all()) == [topic]
    assert [page.pk for page in ResourcePage.objects.search("note what you already do", operator="and")] == [page.pk]
    public = BeautifulSoup(admin_client.get(page.url).content, "html.parser")
    assert public.select_one("#downloads-heading + ul a").get_text(" ", strip=True).startswith("The tool (PDF,")


def test_editor_must_choose_a_resource_type(admin_client, library):
    topic = TopicFactory(name="Funding")
    document = pdf_document("Funding guide", "Free peer working groups.")
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    data = resource_form(library, topic, ResourceTypeFactory(), document, **{"action-publish": "publish"})
    data["resource_type"] = ""
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not Page.objects.filter(slug="stages-and-indicators").exists()


# Authors: a partner profile chosen from the partner directory, or a name.


@pytest.fixture
def cornwall(home_page):
    directory = PartnerIndexPageFactory(parent=home_page)
    return PartnerPageFactory(parent=directory, title="Cornwall music service", slug="cornwall")


def test_editor_chooses_a_partner_profile_as_an_author_and_the_resource_links_to_it(admin_client, library, cornwall):
    topic, resource_type = TopicFactory(name="Youth voice"), ResourceTypeFactory(name="Case study")
    document = pdf_document("Youth voice in Cornwall", "Young people planned the sessions.")
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    authors = inline_formset([{"partner": str(cornwall.pk), "name": ""}, {"partner": "", "name": "Music Mark"}])
    data = resource_form(library, topic, resource_type, document, authoring_partners=authors)
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302
    page = ResourcePage.objects.get(slug="stages-and-indicators")
    assert [(author.partner, author.name) for author in page.authoring_partners.all()] == [
        (cornwall, "Cornwall music service"),
        (None, "Music Mark"),
    ], "the profile's name is kept beside the link"
    written_by = BeautifulSoup(admin_client.get(page.url).content, "html.parser").select(".resource__facts dd")[2]
    assert " ".join(written_by.get_text().split()) == "Cornwall music service, Music Mark"
    assert [link["href"] for link in written_by.select("a")] == ["/en/partners/cornwall/"]


def test_an_author_needs_a_profile_or_a_name_and_the_error_is_beside_the_field(admin_client, library):
    topic, resource_type = TopicFactory(name="Funding"), ResourceTypeFactory(name="Guide")
    document = pdf_document("Funding guide", "Free peer working groups.")
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    authors = inline_formset([{"partner": "", "name": ""}])
    response = admin_client.post(
        url, resource_form(library, topic, resource_type, document, authoring_partners=authors)
    )
    assert response.status_code == 200
    field = BeautifulSoup(response.content, "html.parser").select_one("#id_authoring_partners-0-name")
    wrapper = field.find_parent(attrs={"data-field-wrapper": True})
    assert "Choose a partner profile or type the organisation's name." in wrapper.get_text()
    assert not ResourcePage.objects.filter(slug="stages-and-indicators").exists()


def test_an_unpublished_profile_is_named_but_not_linked(client, library, cornwall):
    cornwall.unpublish()
    resource = ResourcePageFactory(
        parent=library, authoring_partners=[ResourceAuthoringPartner(partner=cornwall, name="Cornwall music service")]
    )
    written_by = BeautifulSoup(client.get(resource.url).content, "html.parser").select(".resource__facts dd")[1]
    assert written_by.get_text(strip=True) == "Cornwall music service" and not written_by.select("a")


def test_names_written_before_profiles_existed_are_linked_to_them_in_the_latest_revision(library, cornwall):
    resource = ResourcePageFactory(
        parent=library,
        authoring_partners=[
            ResourceAuthoringPartner(name="CORNWALL music service "),
            ResourceAuthoringPartner(name="Music Mark"),
        ],
    )
    resource.save_revision().publish()
    assert link_names_to_partner_pages(ResourceAuthoringPartner, PartnerPage, Revision) == 1
    assert link_names_to_partner_pages(ResourceAuthoringPartner, PartnerPage, Revision) == 0, "already linked"
    assert {author.name: author.partner for author in resource.authoring_partners.all()} == {
        "CORNWALL music service ": cornwall,
        "Music Mark": None,
    }
    draft = ResourcePage.objects.get(pk=resource.pk).get_latest_revision_as_object()
    assert {author.name: author.partner_id for author in draft.authoring_partners.all()} == {
        "CORNWALL music service ": cornwall.pk,
        "Music Mark": None,
    }, "an editor opening the page keeps the link and the name"


def test_resource_type_is_a_drop_down_of_the_types_in_the_pages_language(admin_client, library):
    ResourceTypeFactory(name="Toolkit")
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    ResourceTypeFactory(name="Pecyn cymorth", locale=welsh)
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    select = soup.select_one("select[name=resource_type]")
    assert select is not None, "a drop-down, not a chooser"
    assert [option.get_text(strip=True) for option in select.select("option") if option["value"]] == ["Toolkit"]


def test_the_taxonomy_tab_is_named_for_editors_and_the_first_tab_points_to_it(admin_client, library):
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    tabs = [tab.get_text(" ", strip=True).removesuffix("( )").strip() for tab in soup.select("[role=tab]")]
    assert tabs == ["Content", "Topics and audiences", "Promote", "Settings"]
    content_tab = soup.select_one("#tab-content")
    assert "in the Topics and audiences tab" in content_tab.get_text(" ", strip=True)


def test_a_download_left_without_a_label_is_labelled_with_the_documents_title(admin_client, library):
    topic, resource_type = TopicFactory(name="Workforce"), ResourceTypeFactory(name="Report")
    document = pdf_document("Workforce survey report", "What music services told us.")
    url = reverse("wagtailadmin_pages:add", args=("resources", "resourcepage", library.pk))
    downloads = inline_formset([{"document": str(document.pk), "label": ""}])
    data = resource_form(library, topic, resource_type, document, downloads=downloads, **{"action-publish": "publish"})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    page = ResourcePage.objects.get(slug="stages-and-indicators")
    assert [download.label for download in page.downloads.all()] == ["Workforce survey report"]
    public = BeautifulSoup(admin_client.get(page.url).content, "html.parser")
    link = public.select_one("#downloads-heading + ul a")
    assert link.get_text(" ", strip=True).startswith("Workforce survey report")
