"""Two-step sign-in to the admin: required for Moderators and superusers, optional for Editors."""

import base64
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.twofactor import new_recovery_codes

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"  # noqa: S105
SETUP_URL = "/admin/two-factor/setup/"
VERIFY_URL = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def make_user(username, group=None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code(device):
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def with_app(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_a_moderator_without_an_app_is_sent_to_setup_from_every_admin_page(client):
    client.force_login(make_user("sam", "Moderators"))
    for url in ["/admin/", "/admin/pages/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP_URL)
    assert client.get(SETUP_URL).status_code == 200


def test_a_superuser_without_an_app_is_sent_to_setup(client):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_an_editor_is_not_forced_but_is_offered_setup_in_the_account(client):
    client.force_login(make_user("maya", "Editors"))
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/")
    assert b"Set up two-step sign-in" in account.content
    assert SETUP_URL.encode() in account.content


def test_nobody_is_forced_when_the_setting_is_off(client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(make_user("sam", "Moderators"))
    assert client.get("/admin/").status_code == 200


def test_setup_shows_a_qr_code_and_the_secret_as_text_and_a_right_code_turns_it_on(client):
    user = make_user("sam", "Moderators")
    client.force_login(user)
    page = client.get(SETUP_URL + "?next=/admin/pages/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert 'src="data:image/svg+xml;base64,' in page
    secret = base64.b32encode(device.bin_key).decode()
    shown = re.search(r'<code id="two-factor-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert shown.replace(" ", "") == secret

    response = client.post(SETUP_URL, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li>\s*<code>([a-z2-7]{8})</code>", codes_page.content.decode())
    assert len(codes) == 10
    assert b'href="/admin/pages/"' in codes_page.content
    # Shown once only.
    assert client.get(response["Location"]).status_code == 302
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_setup_with_a_wrong_code_says_so_and_keeps_what_was_typed(client):
    user = make_user("sam", "Moderators")
    client.force_login(user)
    client.get(SETUP_URL)
    response = client.post(SETUP_URL, {"code": "000000x"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert b'value="000000x"' in response.content
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


@pytest.mark.parametrize("group", ["Moderators", "Editors"])
def test_signing_in_with_an_app_needs_the_code_after_the_password(client, group):
    user = make_user("sam", group)
    device = with_app(user)
    sign_in(client, user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY_URL)
    # The password alone does not let anyone replace the app.
    assert client.get(SETUP_URL)["Location"].startswith(VERIFY_URL)

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b'autocomplete="one-time-code"' in page.content
    done = client.post(VERIFY_URL, {"code": current_code(device), "next": "/admin/pages/"})
    assert done.status_code == 302
    assert done["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_at_sign_in_says_so_and_lets_nobody_in(client):
    user = make_user("sam", "Moderators")
    with_app(user)
    sign_in(client, user)
    response = client.post(VERIFY_URL, {"code": "12345"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert b'value="12345"' in response.content
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_signs_in_once(client):
    user = make_user("sam", "Moderators")
    with_app(user)
    first, *_others = new_recovery_codes(user)
    sign_in(client, user)
    assert client.post(VERIFY_URL, {"code": first.upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=first).exists()

    client.post("/admin/logout/")
    sign_in(client, user)
    again = client.post(VERIFY_URL, {"code": first})
    assert again.status_code == 400
    assert client.get("/admin/").status_code == 302


def test_the_next_address_must_be_on_this_site(client):
    user = make_user("sam", "Moderators")
    device = with_app(user)
    sign_in(client, user)
    response = client.post(VERIFY_URL, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_setting_up_again_moves_sign_in_to_the_new_phone_and_replaces_the_recovery_codes(client):
    user = make_user("sam", "Moderators")
    old_phone = with_app(user)
    old_codes = new_recovery_codes(user)
    sign_in(client, user)
    client.post(VERIFY_URL, {"code": current_code(old_phone)})
    client.get(SETUP_URL)
    new_phone = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(SETUP_URL, {"code": current_code(new_phone)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=user)) == [new_phone]
    assert not StaticToken.objects.filter(token__in=old_codes).exists()
    assert StaticToken.objects.filter(device__user=user).count() == 10


def test_tries_pause_after_a_wrong_code(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    user = make_user("sam", "Moderators")
    device = with_app(user)
    sign_in(client, user)
    assert client.post(VERIFY_URL, {"code": wrong_code(device)}).status_code == 400
    paused = client.post(VERIFY_URL, {"code": current_code(device)})
    assert paused.status_code == 429
    assert "Too many wrong codes in a row" in paused.content.decode()
    assert client.get("/admin/").status_code == 302
