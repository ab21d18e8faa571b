"""Two-step sign-in in a real browser: set up and sign in with the keyboard alone; axe finds nothing."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


def type_into(page, label, text):
    field = page.get_by_label(label)
    field.focus()
    page.keyboard.type(text)


def sign_in_with_password(page, url):
    page.goto(url + "/admin/login/")
    type_into(page, "Username", "root")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")


def test_a_superuser_sets_up_the_app_then_signs_in_with_a_recovery_code(live_server, page, axe, settings):
    settings.TWO_FACTOR_REQUIRED = True
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)

    sign_in_with_password(page, live_server.url)
    page.wait_for_url("**/admin/two-factor/setup/**")
    assert_no_axe_violations(axe, page)
    assert page.get_by_role("img", name="QR code holding the secret key below").is_visible()
    secret = page.locator("#two-factor-secret").inner_text().replace(" ", "")

    code_label = "The 6-digit code the app shows now"
    type_into(page, code_label, "12345")
    page.keyboard.press("Enter")
    page.get_by_text("That code is not right").wait_for()
    assert page.get_by_label(code_label).get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(axe, page)

    # The app's code for this moment, from the key as typed by hand.
    # django-otp pauses tries after a wrong code (tests/test_two_factor.py); the test skips the pause.
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    page.get_by_label(code_label).fill("")
    type_into(page, code_label, f"{totp(base64.b32decode(secret)):06d}")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/two-factor/recovery-codes/**")
    assert_no_axe_violations(axe, page)
    recovery_code = page.locator("#recovery-codes code").first.inner_text()
    page.get_by_role("link", name="I have saved them: continue").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/admin/")

    page.context.clear_cookies()
    sign_in_with_password(page, live_server.url)
    page.wait_for_url("**/admin/two-factor/verify/**")
    assert_no_axe_violations(axe, page)
    type_into(page, "Code", recovery_code)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/admin/")
