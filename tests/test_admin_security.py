"""The admin lets in only the people it should: throttled logins, strong passwords, sessions that end."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"  # noqa: S105
LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("maya", "maya@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def log_in(client, username, password, address="198.51.100.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def assert_login_paused(response):
    assert response.status_code == 429
    assert b"too many failed attempts to log in" in response.content
    assert int(response["Retry-After"]) == 15 * 60


def test_an_account_is_paused_at_the_fifth_failure_from_one_address_and_only_there(client, editor):
    for _attempt in range(4):
        assert log_in(client, "maya", "wrong-password", address="203.0.113.50").status_code == 200
    assert_login_paused(log_in(client, "maya", "wrong-password", address="203.0.113.50"))
    # Even the right password, from that address, waits for the cool-off.
    assert_login_paused(log_in(client, "maya", PASSWORD, address="203.0.113.50"))
    assert not is_logged_in(client)
    # From anywhere else the editor gets in: nobody can lock an editor out by failing on purpose.
    assert log_in(client, "maya", PASSWORD, address="192.0.2.10").status_code == 302
    assert is_logged_in(client)


def test_failures_spread_over_many_addresses_lock_nobody_out(client, editor):
    for attempt in range(20):
        assert log_in(client, "maya", "wrong-password", address=f"203.0.113.{attempt}").status_code == 200
    assert log_in(client, "maya", PASSWORD, address="192.0.2.99").status_code == 302


def test_failures_on_other_accounts_do_not_pause_an_editor_at_the_same_address(client, editor):
    for attempt in range(5):
        log_in(client, f"guess{attempt}", "wrong-password", address="203.0.113.60")
    assert log_in(client, "maya", PASSWORD, address="203.0.113.60").status_code == 302


def test_a_few_mistakes_do_not_lock_anyone_out_and_success_clears_them(client, editor):
    for _attempt in range(4):
        log_in(client, "maya", "wrong-password")
    assert log_in(client, "maya", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="maya").exists()


def test_the_pause_ends_after_the_cool_off(client, editor):
    for _attempt in range(5):
        log_in(client, "maya", "wrong-password")
    assert_login_paused(log_in(client, "maya", PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, "maya", PASSWORD).status_code == 302


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_a_user_without_admin_access_is_refused(client):
    get_user_model().objects.create_user("visitor", "visitor@example.org", PASSWORD)
    response = client.post(LOGIN_URL, {"username": "visitor", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN_URL)
    assert not is_logged_in(client)
    assert "You do not have permission to access the admin." in [str(m).strip() for m in response.context["messages"]]


def test_an_editor_reaches_the_admin(client, editor):
    assert log_in(client, "maya", PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/login/", "/en/django-admin/"])
def test_the_django_admin_is_not_exposed(client, home_page, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_the_session_ends_with_the_browser_and_after_two_idle_hours(client, editor):
    response = log_in(client, "maya", PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == "", "a browser-session cookie"

    session = Session.objects.get()
    assert abs(session.expire_date - (timezone.now() + timedelta(hours=2))) < timedelta(minutes=1)
    # Each request pushes the expiry back: the limit is two hours of inactivity.
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    assert is_logged_in(client)
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=119)
    # Once it has passed, the editor must log in again.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert not is_logged_in(client)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Shrt-pw-1", "This password is too short. It must contain at least 12 characters."),
        ("394857203948572", "This password is entirely numeric."),
        ("password12345", "This password is too common."),
        ("juniperfields2", "The password is too similar to the username."),
        ("changingtracks", "The password must not contain the site&#x27;s name."),
        ("Changing-Tracks-2026!", "The password must not contain the site&#x27;s name."),
        ("x9!juniperfields!x9", "The password must not contain your username."),
        ("aaaaaaaaaaaa", "The password must use at least 6 different characters."),
        ("ababab121212ab", "The password must use at least 6 different characters."),
    ],
)
def test_the_admin_refuses_weak_passwords_for_new_users(admin_client, password, message):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "juniperfields",
            "email": "juniper@example.org",
            "first_name": "Juniper",
            "last_name": "Fields",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="juniperfields").exists()


def test_the_admin_accepts_a_strong_password(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "juniperfields",
            "email": "juniper@example.org",
            "first_name": "Juniper",
            "last_name": "Fields",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(username="juniperfields").check_password(PASSWORD)


def reset_password(email, address):
    return Client(REMOTE_ADDR=address).post(reverse("wagtailadmin_password_reset"), {"email": email})


def test_password_reset_emails_to_one_address_are_limited_whoever_asks(editor):
    responses = [reset_password("maya@example.org", f"198.51.100.{number}") for number in range(1, 6)]
    assert {response.status_code for response in responses} == {302}
    assert {response["Location"] for response in responses} == {reverse("wagtailadmin_password_reset_done")}
    assert len(mail.outbox) == 3


def test_password_reset_requests_from_one_client_are_limited(editor):
    for number in range(10):
        assert reset_password(f"person{number}@example.org", "203.0.113.70").status_code == 302
    assert reset_password("maya@example.org", "203.0.113.70").status_code == 429
    assert not mail.outbox
