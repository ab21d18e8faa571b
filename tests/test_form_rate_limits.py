"""The enquiry form and the enews sign-up are rate-limited per client address, with the friendly 429 page."""

import pytest
from django.urls import reverse

from home.models import EnquiryFormPage
from newsletter.models import Subscriber
from tests.factories import EnquiryFormPageFactory

pytestmark = pytest.mark.django_db


def posts_until_refused(client, url, data, limit):
    statuses = [client.post(url, data, REMOTE_ADDR="198.51.100.7").status_code for _ in range(limit + 1)]
    return statuses[:limit], statuses[-1]


def test_the_enquiry_form_refuses_a_sixth_post_in_ten_minutes_from_one_address(client, home_page):
    form_page = EnquiryFormPageFactory(parent=home_page)
    allowed, refused = posts_until_refused(client, form_page.url, {"name": ""}, EnquiryFormPage.rate_limit)
    assert 429 not in allowed
    assert refused == 429
    other_address = client.post(form_page.url, {"name": ""}, REMOTE_ADDR="198.51.100.8")
    assert other_address.status_code != 429, "the limit is per address"


def test_the_enews_sign_up_refuses_a_sixth_post_in_ten_minutes_from_one_address(client, home_page):
    url = reverse("newsletter:signup")
    data = {"email": "reader@example.org", "consent": "on"}
    allowed, refused = posts_until_refused(client, url, data, 5)
    assert 429 not in allowed
    assert refused == 429
    assert Subscriber.objects.count() <= 1
