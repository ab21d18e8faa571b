"""Personal data is deleted once it is older than the privacy notice says it is kept."""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone

from home.models import EnquirySubmission
from newsletter.models import Subscriber
from tests.factories import EnquiryFormPageFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def subscriber(email, status, **dates):
    return Subscriber.objects.create(
        email=email, status=status, language="en", consent_wording="Yes", consent_given_at=days_ago(400), **dates
    )


def enquiry(page, age_days):
    submission = EnquirySubmission.objects.create(page=page, form_data={"your_name": f"{age_days} days"})
    EnquirySubmission.objects.filter(pk=submission.pk).update(submit_time=days_ago(age_days))


def test_old_enquiries_and_unconfirmed_sign_ups_are_deleted_and_the_rest_kept(home_page, settings):
    settings.ENQUIRY_RETENTION_DAYS = 365
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 30
    page = EnquiryFormPageFactory(parent=home_page)
    enquiry(page, 366)
    enquiry(page, 364)
    subscriber("old-pending@example.org", "pending", signed_up_at=days_ago(31))
    subscriber("new-pending@example.org", "pending", signed_up_at=days_ago(29))
    subscriber("old-unsubscribed@example.org", "unsubscribed", signed_up_at=days_ago(400), unsubscribed_at=days_ago(31))
    subscriber("new-unsubscribed@example.org", "unsubscribed", signed_up_at=days_ago(400), unsubscribed_at=days_ago(2))
    subscriber("confirmed@example.org", "confirmed", signed_up_at=days_ago(900), confirmed_at=days_ago(900))

    output = StringIO()
    call_command("delete_expired_personal_data", stdout=output)

    assert [s.form_data["your_name"] for s in EnquirySubmission.objects.all()] == ["364 days"]
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "new-pending@example.org",
        "new-unsubscribed@example.org",
    ]
    assert "Deleted 1 enquiries." in output.getvalue()
    assert "Deleted 2 unconfirmed or unsubscribed enews sign-ups." in output.getvalue()


def test_retention_periods_come_from_settings(home_page, settings):
    settings.ENQUIRY_RETENTION_DAYS = 10
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 2
    page = EnquiryFormPageFactory(parent=home_page)
    enquiry(page, 11)
    subscriber("pending@example.org", "pending", signed_up_at=days_ago(3))
    call_command("delete_expired_personal_data", stdout=StringIO())
    assert not EnquirySubmission.objects.exists() and not Subscriber.objects.exists()


def test_the_demo_privacy_notice_states_the_retention_periods(client, settings):
    settings.ENQUIRY_RETENTION_DAYS = 200
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 20
    call_command("load_demo_content", stdout=StringIO())
    text = BeautifulSoup(client.get("/en/privacy-notice/").content, "html.parser").main.get_text(" ", strip=True)
    assert "Enquiries are deleted 200 days after they are sent." in text
    assert "Enews sign-ups that are never confirmed are deleted after 20 days." in text
    assert "mailto:" in BeautifulSoup(client.get("/en/privacy-notice/").content, "html.parser").main.decode()
