"""The enews: double opt-in, consent records, unsubscribe, no address enumeration, and the editors' view."""

import csv
import io
import itertools
import re
import time
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from core import spam
from core.blocks import BaseStreamBlock
from core.spam import HONEYPOT_FIELD, STARTED_FIELD, signed_start_time
from newsletter.forms import CONSENT_WORDING
from newsletter.models import NewsletterSettings, Subscriber
from newsletter.tokens import CONFIRM_SALT, UNSUBSCRIBE_SALT, make_token
from tests.factories import ProgrammePageFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/enews/"


def sign_up(client, email="sam@example.org", **fields):
    data = {
        "name": "Sam",
        "email": email,
        "consent": "on",
        "source": "/en/about/",
        STARTED_FIELD: signed_start_time(time.time() - 10),
        **fields,
    }
    return client.post(SIGNUP_URL, data)


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def link_in(email, kind):
    """The path of the confirm or unsubscribe link in an email's text."""
    url = re.search(rf"http://testserver(/en/enews/{kind}/[^/\s]+/)", email.body)
    return url.group(1)


def test_sign_up_waits_for_confirmation_and_records_consent(client, home_page):
    response = sign_up(client, email="Sam@Example.org")
    assert response.status_code == 302 and response["Location"] == "/en/enews/check-your-email/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "sam@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert not Subscriber.objects.confirmed().exists(), "only confirmed subscribers count"
    assert subscriber.consent_wording == str(CONSENT_WORDING)
    assert subscriber.consent_given_at is not None and subscriber.source_url == "/en/about/"
    assert subscriber.language == "en"

    email = mail.outbox[0]
    assert email.to == ["sam@example.org"]
    assert "7 days" in email.body
    unsubscribe = link_in(email, "unsubscribe")
    assert email.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_opening_the_confirmation_link_shows_a_button_and_only_the_button_confirms(client, home_page):
    sign_up(client)
    link = link_in(mail.outbox[0], "confirm")
    page = client.get(link)
    assert page.status_code == 200
    assert soup_of(page).h1.get_text(strip=True) == "Confirm your sign-up"
    form = soup_of(page).select_one("main form")
    assert form["method"] == "post" and form["action"] == link
    assert form.button.get_text(strip=True) == "Yes, sign me up"
    assert client.head(link).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING, "a mail scanner's GET or HEAD changes nothing"

    response = Client(enforce_csrf_checks=True).post(link)
    assert response.status_code == 200
    assert soup_of(response).h1.get_text(strip=True) == "You are signed up"
    subscriber = Subscriber.objects.get()
    assert subscriber.is_confirmed and subscriber.confirmed_at is not None
    assert list(Subscriber.objects.confirmed()) == [subscriber]
    assert client.post(link).status_code == 200, "a second press is harmless"
    assert soup_of(client.get(link)).h1.get_text(strip=True) == "You are signed up"


@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
def test_token_pages_are_never_cached(client, home_page, settings, kind):
    settings.PAGE_CACHE_SECONDS = 300
    sign_up(client)
    link = link_in(mail.outbox[0], kind)
    for response in (client.get(link), client.post(link), client.get(link[:-4] + "bad/")):
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control and "public" not in cache_control
        assert "X-Cache" not in response


def test_a_confirm_page_opened_after_unsubscribing_says_the_link_does_not_work(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    sign_up(client)
    confirm = link_in(mail.outbox[0], "confirm")
    client.post(confirm)
    assert soup_of(client.get(confirm)).h1.get_text(strip=True) == "You are signed up"
    client.post(link_in(mail.outbox[0], "unsubscribe"))
    assert soup_of(client.get(confirm)).h1.get_text(strip=True) == "This link does not work"
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_expired_confirmation_link_gives_a_clear_page_and_changes_nothing(client, home_page, monkeypatch):
    sign_up(client)
    subscriber = Subscriber.objects.get()
    eight_days_ago = int(time.time()) - 8 * 24 * 60 * 60
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(eight_days_ago))
    old_link = reverse("newsletter:confirm", args=[make_token(subscriber, CONFIRM_SALT)])
    monkeypatch.undo()
    response = client.get(old_link)
    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "This link has expired"
    assert "Nothing has changed" in soup.select_one("main").get_text(" ", strip=True)
    assert soup.select_one(f'main a[href="{SIGNUP_URL}"]')
    assert client.post(old_link).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    "tamper",
    [
        lambda link: link[:-6] + "XXXXX/",
        lambda link: link.replace("/confirm/", "/confirm/x"),
        lambda link: "/en/enews/confirm/not-a-token/",
    ],
    ids=["altered signature", "altered payload", "made up"],
)
def test_tampered_confirmation_link_gives_a_clear_page_and_changes_nothing(client, home_page, tamper):
    sign_up(client)
    response = client.get(tamper(link_in(mail.outbox[0], "confirm")))
    assert response.status_code == 400
    assert soup_of(response).h1.get_text(strip=True) == "This link does not work"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unsubscribe_link_cannot_be_used_to_confirm(client, home_page):
    sign_up(client)
    unsubscribe_token = link_in(mail.outbox[0], "unsubscribe").split("/")[-2]
    response = client.get(reverse("newsletter:confirm", args=[unsubscribe_token]))
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_unsubscribe_page_asks_once_then_unsubscribes(client, home_page):
    sign_up(client)
    client.post(link_in(mail.outbox[0], "confirm"))
    unsubscribe = link_in(mail.outbox[0], "unsubscribe")

    page = client.get(unsubscribe)
    assert page.status_code == 200
    assert Subscriber.objects.get().is_confirmed, "opening the page (or a mail scanner fetching it) changes nothing"
    form = soup_of(page).select_one("main form")
    assert form["method"] == "post" and form.button.get_text(strip=True) == "Unsubscribe"

    done = Client(enforce_csrf_checks=True).post(unsubscribe)
    assert done.status_code == 200
    assert soup_of(done).h1.get_text(strip=True) == "You have unsubscribed"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at
    assert not Subscriber.objects.confirmed().exists()


def test_mail_programs_unsubscribe_in_one_click(home_page):
    subscriber = Subscriber.objects.create(
        email="sam@example.org",
        status="confirmed",
        language="en",
        consent_wording="Yes",
        consent_given_at="2025-01-01T00:00Z",
    )
    path = reverse("newsletter:unsubscribe", args=[make_token(subscriber, UNSUBSCRIBE_SALT)])
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_tampered_unsubscribe_link_changes_nothing(client, home_page):
    sign_up(client)
    response = client.post(link_in(mail.outbox[0], "unsubscribe")[:-4] + "abc/")
    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_signing_up_again_sends_a_fresh_confirmation_and_makes_no_duplicate(client, home_page):
    sign_up(client, name="Sam")
    first_consent = Subscriber.objects.get().consent_given_at
    sign_up(client, email="SAM@example.org", name="Sam Taylor")
    subscriber = Subscriber.objects.get()
    assert subscriber.name == "Sam Taylor" and subscriber.consent_given_at > first_consent
    assert len(mail.outbox) == 2, "a fresh confirmation email"
    client.post(link_in(mail.outbox[1], "confirm"))
    assert Subscriber.objects.get().is_confirmed


def test_a_confirmed_address_gets_the_same_response_and_only_its_owner_is_told(client, home_page):
    new = sign_up(client, email="new@example.org")
    sign_up(client, email="known@example.org")
    client.post(link_in(mail.outbox[-1], "confirm"))
    known = Subscriber.objects.get(email="known@example.org")
    consent = (known.consent_wording, known.consent_given_at, known.source_url)
    mail.outbox.clear()

    again = sign_up(client, email="known@example.org", source="/en/somewhere-else/")
    assert (again.status_code, again["Location"]) == (new.status_code, new["Location"])
    assert client.get(again["Location"]).content == client.get(new["Location"]).content
    assert mail.outbox[0].to == ["known@example.org"]
    assert "already signed up" in mail.outbox[0].body
    assert "/en/enews/unsubscribe/" in mail.outbox[0].body
    known.refresh_from_db()
    assert known.is_confirmed
    assert (known.consent_wording, known.consent_given_at, known.source_url) == consent


def test_unsubscribed_address_can_sign_up_again(client, home_page):
    sign_up(client)
    client.post(link_in(mail.outbox[0], "unsubscribe"))
    sign_up(client)
    client.post(link_in(mail.outbox[-1], "confirm"))
    assert Subscriber.objects.get().is_confirmed


@pytest.mark.parametrize(
    "email,message",
    [
        ("a" * 288 + "@example.org", "Enter an email address of 254 characters or fewer"),
        ("sam@example.org\r\nBcc: everyone@example.org", "Enter an email address in the right format"),
        ("sam@example.org\nSubject: hello", "Enter an email address in the right format"),
        ("", "Enter your email address"),
    ],
    ids=["300 characters", "header injection", "new line", "empty"],
)
def test_bad_email_addresses_are_refused_with_a_message(client, home_page, email, message):
    assert len("a" * 288 + "@example.org") == 300
    response = sign_up(client, email=email)
    assert response.status_code == 200
    soup = soup_of(response)
    assert message in soup.select_one(".error-summary").get_text()
    assert message in soup.select_one("#enews-email_error").get_text()
    assert soup.select_one("#enews-email")["aria-invalid"] == "true"
    assert not Subscriber.objects.exists() and not mail.outbox


def test_consent_must_be_ticked_and_what_was_typed_is_kept(client, home_page):
    response = sign_up(client, consent="")
    soup = soup_of(response)
    link = soup.select_one(".error-summary a")
    assert link["href"] == "#enews-consent"
    assert link.get_text(strip=True) == "Tick the box to say you would like the enews"
    assert soup.select_one("#enews-email")["value"] == "sam@example.org"
    assert soup.select_one("#enews-name")["value"] == "Sam"
    assert not soup.select_one("#enews-consent").has_attr("checked")
    assert not Subscriber.objects.exists()


def test_name_is_optional(client, home_page):
    sign_up(client, name="")
    assert Subscriber.objects.get().name == ""


def test_bots_are_refused_and_nothing_is_stored_or_sent(client, home_page):
    sign_up(client, **{HONEYPOT_FIELD: "spam"})
    sign_up(client, **{STARTED_FIELD: signed_start_time()})
    assert not Subscriber.objects.exists() and not mail.outbox


def test_a_failed_confirmation_email_is_reported_to_the_visitor(client, home_page, settings, caplog):
    settings.EMAIL_BACKEND = "tests.test_enquiry.SubmissionCountingBackend"
    response = sign_up(client)
    assert response.status_code == 200
    assert "We could not send you an email just now" in soup_of(response).select_one(".error-summary").get_text()
    assert any("Could not send the enews email" in record.getMessage() for record in caplog.records)


def test_source_must_be_a_path_on_this_site(client, home_page):
    sign_up(client, source="https://elsewhere.example/")
    assert Subscriber.objects.get().source_url == ""


def test_footer_and_block_forms_post_to_the_sign_up_with_the_page_and_privacy_notice(client, home_page):
    privacy = ProgrammePageFactory(parent=home_page, title="Privacy notice", slug="privacy-notice")
    settings = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    page = ProgrammePageFactory(
        parent=home_page, slug="about", body=[("enews_signup", {"heading": "Keep in touch", "text": "Tips."})]
    )
    soup = soup_of(client.get(page.url))
    forms = soup.select("form.enews-form")
    assert len(forms) == 2, "the block and the footer"
    ids = [element["id"] for element in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "two forms on one page must not share ids"
    for form in forms:
        assert form["action"] == SIGNUP_URL and form["method"] == "post"
        assert form.select_one("input[name=source]")["value"] == "/en/about/"
        assert form.select_one('a[href="/en/privacy-notice/"]').get_text() == "privacy notice"
        consent = form.select_one("input[name=consent]")
        assert consent["type"] == "checkbox" and not consent.has_attr("checked")
        assert form.select_one(f"label[for={consent['id']}]").get_text(strip=True) == str(CONSENT_WORDING)
    assert soup.select_one(".enews-signup h2").get_text() == "Keep in touch"


def test_the_cached_footer_form_carries_each_pages_path_and_a_fresh_signed_time(client, home_page, monkeypatch):
    """The footer form's markup is cached once; the page it is on and its start time are each request's own."""
    shown = itertools.count()
    monkeypatch.setattr(spam, "signed_start_time", lambda: f"signed-time-{next(shown)}")
    about = ProgrammePageFactory(parent=home_page, title="About", slug="about")

    def footer_form(url):
        form = soup_of(client.get(url)).select_one("footer form.enews-form")
        return form.select_one("input[name=source]")["value"], form.select_one(f"input[name={STARTED_FIELD}]")["value"]

    home_source, home_started = footer_form("/en/")
    about_source, about_started = footer_form(about.url)
    # A path the visitor typed goes into the value attribute escaped, not as markup.
    odd_source, _started = footer_form('/en/about/"><b>x/')
    assert (home_source, about_source) == ("/en/", "/en/about/")
    assert odd_source == '/en/about/"><b>x/'
    assert (home_started, about_started) == ("signed-time-0", "signed-time-1")


def confirmed(email, name=""):
    return Subscriber.objects.create(
        email=email,
        name=name,
        status=Subscriber.Status.CONFIRMED,
        language="en",
        consent_wording=str(CONSENT_WORDING),
        consent_given_at="2025-01-01T10:00Z",
        confirmed_at="2025-01-01T10:05Z",
        source_url="/en/",
    )


def test_editors_export_the_confirmed_subscribers_the_admin_shows(admin_client):
    confirmed("ann@example.org", "Ann")
    confirmed("bo@example.org", "=cmd|' /C calc'!A0")
    Subscriber.objects.create(
        email="waiting@example.org", language="en", consent_wording="Yes", consent_given_at="2025-01-01T00:00Z"
    )
    listing_url = reverse("enews_subscribers:index")
    soup = soup_of(admin_client.get(listing_url))
    table_rows = [row.select("td") for row in soup.select("table tbody tr")]
    shown = sorted([cells[0].a.get_text(strip=True), cells[1].get_text(strip=True)] for cells in table_rows)
    assert shown == [["ann@example.org", "Ann"], ["bo@example.org", "=cmd|' /C calc'!A0"]]

    export = admin_client.get(listing_url + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert sorted([row["Email"], row["Name"].removeprefix("'")] for row in rows) == shown
    assert {row["Name"] for row in rows} == {"Ann", "'=cmd|' /C calc'!A0"}, "a formula must arrive as text"
    assert {row["Consent wording"] for row in rows} == {str(CONSENT_WORDING)}
    assert {row["Source url"] for row in rows} == {"/en/"}


def test_all_sign_ups_are_listed_but_editors_cannot_add_or_edit_them(admin_client):
    Subscriber.objects.create(
        email="waiting@example.org", language="en", consent_wording="Yes", consent_given_at="2025-01-01T00:00Z"
    )
    listing = admin_client.get(reverse("enews_signups:index"))
    assert b"waiting@example.org" in listing.content
    assert admin_client.get(reverse("enews_signups:add")).status_code in (302, 403)
    subscriber = Subscriber.objects.get()
    assert admin_client.get(reverse("enews_signups:edit", args=[subscriber.pk])).status_code in (302, 403)
    inspect = admin_client.get(reverse("enews_signups:inspect", args=[subscriber.pk]))
    assert b"Consent wording" in inspect.content


def test_check_email_page_is_the_same_for_everyone(client, home_page):
    response = client.get("/en/enews/check-your-email/")
    assert soup_of(response).h1.get_text(strip=True) == "Check your email"
    assert urlparse(SIGNUP_URL).path == "/en/enews/"


def test_editors_read_and_export_subscribers_and_only_moderators_delete_them(client):
    subscriber = confirmed("ann@example.org", "Ann")
    client.force_login(UserFactory(groups=["Editors"]))
    assert b"ann@example.org" in client.get(reverse("enews_subscribers:index")).content
    assert client.get(reverse("enews_subscribers:index") + "?export=csv").status_code == 200
    assert client.post(reverse("enews_signups:delete", args=[subscriber.pk])).status_code in (302, 403)
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    client.force_login(UserFactory(groups=["Moderators"]))
    client.post(reverse("enews_signups:delete", args=[subscriber.pk]))
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_editors_preview_the_sign_up_block(admin_client, home_page):
    block = BaseStreamBlock().child_blocks["enews_signup"]
    response = admin_client.get(reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one(".enews-signup h2").get_text() == "Sign up to our enews"
    assert soup.select_one("form.enews-form")["action"] == SIGNUP_URL


def test_one_address_signing_up_over_and_over_is_refused_for_a_while(client, home_page):
    for number in range(10):
        assert sign_up(client, email=f"person{number}@example.org").status_code == 302
    assert sign_up(client, email="one-more@example.org").status_code == 429
    assert Subscriber.objects.count() == 10 and len(mail.outbox) == 10
    assert client.get(SIGNUP_URL).status_code == 200


def test_what_a_visitor_typed_never_goes_into_an_email_to_a_visitor(client, home_page):
    sign_up(client, email="victim@example.org", name="You won! Claim at http://phish.example/now")
    client.post(link_in(mail.outbox[0], "confirm"))
    sign_up(client, email="victim@example.org", name="Pay at http://phish.example/again")
    assert len(mail.outbox) == 2
    for email in mail.outbox:
        assert "phish" not in email.body and "phish" not in email.subject
        assert email.body.startswith("Hello,\n")


def test_one_address_gets_at_most_three_enews_emails_a_day_whoever_asks(home_page):
    responses = [
        sign_up(Client(REMOTE_ADDR=f"198.51.100.{number}"), email="victim@example.org") for number in range(1, 6)
    ]
    assert [response.status_code for response in responses] == [302] * 5
    assert {response["Location"] for response in responses} == {"/en/enews/check-your-email/"}
    assert len(mail.outbox) == 3
    sign_up(Client(REMOTE_ADDR="198.51.100.9"), email="someone-else@example.org")
    assert len(mail.outbox) == 4, "other addresses are not held back"


def test_a_fresh_start_time_comes_from_an_uncached_address_and_too_fast_posts_are_refused(
    client, home_page, monkeypatch
):
    footer = soup_of(client.get("/en/")).select_one("footer form.enews-form")
    assert footer["data-start-url"] == "/en/enews/started/"
    assert soup_of(client.get("/en/")).select_one('script[src$="/enews-start.js"]')

    response = client.get("/en/enews/started/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    started = response.json()["started"]
    assert sign_up(client, **{STARTED_FIELD: started}).status_code == 200, "sent within a second: refused"
    assert not Subscriber.objects.exists()

    now = time.time()
    monkeypatch.setattr(spam.time, "time", lambda: now + 5)
    assert sign_up(client, **{STARTED_FIELD: started}).status_code == 302
    assert Subscriber.objects.count() == 1


def test_a_start_time_a_day_old_is_refused(client, home_page):
    response = sign_up(client, **{STARTED_FIELD: signed_start_time(time.time() - 25 * 60 * 60)})
    assert response.status_code == 200 and not Subscriber.objects.exists()
