"""The "Can we help you?" enquiry form: stored before emailed, spam refused quietly, errors a person can fix."""

import csv
import io
import time
from datetime import timedelta
from smtplib import SMTPException

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from core.spam import HONEYPOT_FIELD, REJECTED_MESSAGE, STARTED_FIELD, signed_start_time
from home.models import EnquiryFormPage, EnquirySubmission, HomePage
from tests.factories import EnquiryFormPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "your_name": "Sam Taylor",
    "your_email_address": "sam@music-service.example",
    "your_organisation": "A county music service",
    "what_would_you_like_us_to_do": ["Run training", "Provide consultancy"],
    "tell_us_more": "Training for our instrumental teachers on inclusive practice.",
}


@pytest.fixture
def enquiry_page(home_page):
    return EnquiryFormPageFactory(parent=home_page)


def post(client, page, data=None, *, seconds_ago=10, **extra):
    """Post the form as a person would: shown some seconds ago, honeypot empty."""
    payload = {**(VALID if data is None else data), STARTED_FIELD: signed_start_time(time.time() - seconds_ago)}
    payload.update(extra)
    return client.post(page.url, payload)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


class SubmissionCountingBackend(BaseEmailBackend):
    """Records how many enquiries were stored when the email went, then fails like a mail server that is down."""

    stored_when_sent = []

    def send_messages(self, messages):
        self.stored_when_sent.append(EnquirySubmission.objects.count())
        raise SMTPException("Mail server unavailable")


def test_enquiry_is_stored_emailed_to_staff_and_thanked(client, enquiry_page):
    response = post(client, enquiry_page)
    assert response.status_code == 200
    assert soup_of(response).h1.get_text(strip=True) == "Thank you: we have your enquiry"
    submission = EnquirySubmission.objects.get()
    assert submission.form_data["your_organisation"] == "A county music service"
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["team@example.org"]
    assert email.reply_to == ["sam@music-service.example"]
    assert "Your organisation: A county music service" in email.body
    assert f"/admin/forms/submissions/{enquiry_page.pk}/" in email.body


def test_failed_email_is_logged_the_enquiry_kept_and_the_visitor_thanked(client, enquiry_page, settings, caplog):
    settings.EMAIL_BACKEND = "tests.test_enquiry.SubmissionCountingBackend"
    SubmissionCountingBackend.stored_when_sent.clear()
    response = post(client, enquiry_page)
    assert response.status_code == 200
    assert "Thank you" in soup_of(response).h1.get_text()
    assert SubmissionCountingBackend.stored_when_sent == [1], "the enquiry must be stored before the email is sent"
    assert EnquirySubmission.objects.count() == 1
    assert any("email to staff failed" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "trap",
    [
        lambda: {HONEYPOT_FIELD: "http://spam.example"},
        lambda: {STARTED_FIELD: signed_start_time(time.time() - 1)},
        lambda: {STARTED_FIELD: "1700000000"},
        lambda: {STARTED_FIELD: ""},
    ],
    ids=["honeypot filled", "sent within a second", "forged start time", "no start time"],
)
def test_bots_are_refused_store_nothing_and_learn_nothing(client, enquiry_page, trap):
    trap = trap()
    response = post(client, enquiry_page, **trap)
    assert response.status_code == 200
    assert not EnquirySubmission.objects.exists()
    assert not mail.outbox
    summary = soup_of(response).select_one(".error-summary")
    assert [item.get_text(strip=True) for item in summary.select("li")] == [str(REJECTED_MESSAGE)]
    # What the visitor typed is kept, and a fresh start time lets a person send it again.
    assert soup_of(response).select_one("#id_your_organisation")["value"] == "A county music service"
    assert soup_of(response).select_one(f"input[name={STARTED_FIELD}]")["value"] != trap.get(STARTED_FIELD)


def test_a_form_with_mistakes_shows_only_the_mistakes(client, enquiry_page):
    response = post(client, enquiry_page, {**VALID, "your_name": ""}, seconds_ago=0)
    summary = soup_of(response).select_one(".error-summary")
    assert [item.get_text(strip=True) for item in summary.select("li")] == ["Answer “Your name”"]
    assert not EnquirySubmission.objects.exists()


def test_the_honeypot_is_hidden_from_people(client, enquiry_page):
    soup = soup_of(client.get(enquiry_page.url))
    trap = soup.select_one(f"input[name={HONEYPOT_FIELD}]")
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert "form-trap" in trap.find_parent("div")["class"]
    assert soup.select_one(f"label[for={trap['id']}]"), "even the trap has a label"


def test_errors_are_summarised_linked_described_and_what_was_typed_is_kept(client, enquiry_page):
    data = {**VALID, "your_name": "", "your_email_address": "sam at music service"}
    response = post(client, enquiry_page, data)
    assert not EnquirySubmission.objects.exists()
    soup = soup_of(response)
    assert soup.title.get_text().startswith("Error:")
    summary = soup.select_one(".error-summary[role=alert]")
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links == {
        "#id_your_name": "Answer “Your name”",
        "#id_your_email_address": "Enter an email address in the right format, like name@example.org",
    }
    for field_id in ("id_your_name", "id_your_email_address"):
        field = soup.select_one(f"#{field_id}")
        assert field["aria-invalid"] == "true"
        described_by = field["aria-describedby"].split()
        assert f"{field_id}_error" in described_by
        assert soup.select_one(f"#{field_id}_error").get_text(strip=True).startswith("Error:")
    assert soup.select_one("#id_your_email_address")["value"] == "sam at music service"
    assert soup.select_one("#id_your_organisation")["value"] == "A county music service"
    assert [box["value"] for box in soup.select("input[name=what_would_you_like_us_to_do][checked]")] == [
        "Run training",
        "Provide consultancy",
    ]
    assert soup.select_one("#id_tell_us_more").get_text().strip() == VALID["tell_us_more"]


def test_checkbox_questions_are_fieldsets_with_their_own_legend(client, enquiry_page):
    data = {**VALID, "what_would_you_like_us_to_do": []}
    soup = soup_of(post(client, enquiry_page, data))
    fieldset = soup.select_one("fieldset.field")
    assert fieldset.legend.get_text(strip=True) == "What would you like us to do?"
    assert fieldset["aria-describedby"] == "id_what_would_you_like_us_to_do_error"
    link = soup.select_one(".error-summary a")
    assert link["href"] == "#id_what_would_you_like_us_to_do_0"
    assert link.get_text(strip=True) == "Tick at least one answer to “What would you like us to do?”"
    assert soup.select_one("#id_what_would_you_like_us_to_do_0")


def test_an_email_address_with_a_header_injection_is_refused(client, enquiry_page):
    data = {**VALID, "your_email_address": "sam@example.org\r\nBcc: everyone@example.org"}
    response = post(client, enquiry_page, data)
    assert "Enter an email address in the right format" in soup_of(response).select_one(".error-summary").get_text()
    assert not EnquirySubmission.objects.exists() and not mail.outbox


def test_the_same_enquiry_posted_twice_within_seconds_is_stored_once(client, enquiry_page):
    post(client, enquiry_page)
    again = post(client, enquiry_page)
    assert "Thank you" in soup_of(again).h1.get_text()
    assert EnquirySubmission.objects.count() == 1
    assert len(mail.outbox) == 1

    different = post(client, enquiry_page, {**VALID, "tell_us_more": "Also a presentation."})
    assert EnquirySubmission.objects.count() == 2
    EnquirySubmission.objects.update(submit_time=EnquirySubmission.objects.first().submit_time - timedelta(minutes=5))
    post(client, enquiry_page)
    assert EnquirySubmission.objects.count() == 3, "the same words sent again later are a new enquiry"
    assert different.status_code == 200


def admin_table(response):
    """The submissions listing as the admin shows it: headings and rows of cell text."""
    table = soup_of(response).select_one("table")
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")]
    return headings, rows


def test_csv_export_contains_what_the_admin_shows(client, admin_client, enquiry_page):
    post(client, enquiry_page)
    post(client, enquiry_page, {**VALID, "your_name": '=HYPERLINK("http://evil.example")', "tell_us_more": ""})
    listing_url = reverse("wagtailforms:list_submissions", args=[enquiry_page.pk])
    headings, rows = admin_table(admin_client.get(listing_url))

    export = admin_client.get(listing_url + "?export=csv")
    assert export["Content-Type"] == "text/csv"
    exported = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert exported[0] == ["Submission date", *[field["label"] for field in enquiry_page.form_fields.values()]]
    # The admin shows the checkbox column (first) and the date (second) around the data columns.
    shown_headings = headings[2:]
    assert exported[0][1:] == shown_headings
    shown = sorted(row[2:] for row in rows)
    in_csv = sorted(row[1:] for row in exported[1:])
    assert len(in_csv) == 2
    assert [[cell.removeprefix("'") for cell in row] for row in in_csv] == shown
    assert [row[1] for row in exported[1:] if "HYPERLINK" in row[1]] == ['\'=HYPERLINK("http://evil.example")']


def test_editors_read_enquiries_under_forms_and_from_the_page(admin_client, enquiry_page, client):
    post(client, enquiry_page)
    forms_index = soup_of(admin_client.get(reverse("wagtailforms:index")))
    edit_url = reverse("wagtailadmin_pages:edit", args=[enquiry_page.pk])
    origin = forms_index.select_one(f'tbody a[href="{edit_url}"]')
    assert origin.get_text(strip=True) == "Can we help you?", "the origin is the page, by its title"
    assert "home.enquiryformpage" not in forms_index.get_text()
    editor = soup_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[enquiry_page.pk])))
    listing_url = reverse("wagtailforms:list_submissions", args=[enquiry_page.pk])
    assert editor.select_one(f'a[href="{listing_url}"]'), "the page's editor links to its enquiries"


def test_enquiry_pages_live_under_home_or_programme_pages(home_page, programme_page):
    assert EnquiryFormPage in HomePage.allowed_subpage_models()
    assert EnquiryFormPage.can_create_at(home_page)
    assert EnquiryFormPage.can_create_at(programme_page)
    assert EnquiryFormPage.allowed_subpage_models() == []


def test_every_field_an_editor_sees_has_help_text(admin_client, home_page):
    page = EnquiryFormPageFactory(parent=home_page)
    soup = soup_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    fields = soup.select("form [data-field-wrapper]")  # not the preview panel's choice of form or thank-you page
    assert len(fields) > 20, "the page's own fields and those of each question"
    for wrapper in fields:
        help_text = wrapper.select_one("[data-field-help]")
        assert help_text and help_text.get_text(strip=True), wrapper.select_one("label").get_text(strip=True)


def test_one_address_flooding_the_form_is_refused_for_a_while(client, enquiry_page):
    for number in range(10):
        assert post(client, enquiry_page, {**VALID, "tell_us_more": f"Enquiry {number}"}).status_code == 200
    refused = post(client, enquiry_page, {**VALID, "tell_us_more": "One too many"})
    assert refused.status_code == 429
    assert EnquirySubmission.objects.count() == 10
    assert client.get(enquiry_page.url).status_code == 200, "reading the form is never refused"


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return soup_of(response)


def test_the_dashboard_lists_the_newest_enquiries_each_linked_to_its_answers(client, admin_client, enquiry_page):
    for number in range(7):
        post(client, enquiry_page, {**VALID, "tell_us_more": f"Enquiry number {number}"})
    assert EnquirySubmission.objects.count() == 7
    panel = dashboard(admin_client).find(id="recent-enquiries-content")
    assert panel is not None, "the dashboard has a panel of enquiries"
    links = panel.select("tbody a")
    assert len(links) == 5, "only the newest few"
    listing_url = reverse("wagtailforms:list_submissions", args=[enquiry_page.pk])
    assert {(link.get_text(strip=True), link["href"]) for link in links} == {("Can we help you?", listing_url)}
    assert "Sam Taylor" not in panel.get_text(), "no personal data on the dashboard"
    listing = admin_client.get(listing_url)
    assert b"Enquiry number 6" in listing.content, "the link leads to the enquiry itself"


def test_an_enquiry_with_no_to_address_is_stored_and_staff_are_warned(client, admin_client, enquiry_page):
    enquiry_page.to_address = ""
    enquiry_page.save_revision().publish()
    post(client, enquiry_page)
    assert EnquirySubmission.objects.count() == 1
    assert mail.outbox == []

    edit_url = reverse("wagtailadmin_pages:edit", args=[enquiry_page.pk])
    editor = soup_of(admin_client.get(edit_url))
    assert "Nobody is emailed these enquiries." in editor.get_text()
    warning = dashboard(admin_client).find(id="enquiries-stored-only-content")
    assert warning is not None and "only being stored" in warning.get_text()
    assert warning.select_one("li a")["href"] == edit_url


def test_no_warning_while_enquiries_are_emailed(admin_client, enquiry_page):
    editor = soup_of(admin_client.get(reverse("wagtailadmin_pages:edit", args=[enquiry_page.pk])))
    assert "Nobody is emailed these enquiries." not in editor.get_text()
    assert dashboard(admin_client).find(id="enquiries-stored-only-content") is None
