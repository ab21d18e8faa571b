"""Two-step sign-in to the admin: a code from an authenticator app (TOTP), or a recovery code.

django-otp keeps the devices (an app's secret, a set of single-use recovery codes) and marks a
session verified; this module adds the admin's pages and the rule of who must use it:

- Anyone who has set it up is asked for a code after their password, before any admin page.
- Superusers and Moderators must set it up when TWO_FACTOR_REQUIRED is on (always in production;
  an environment variable in development, so `make run`'s printed admin can sign in at once):
  until they do, every admin page sends them to the setup page.
- Editors may set it up from their account ("More actions").
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import MODERATORS

RECOVERY_CODE_COUNT = 10
RECOVERY_CODES_SESSION_KEY = "two_factor_recovery_codes"
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def must_use_two_factor(user):
    return settings.TWO_FACTOR_REQUIRED and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


def is_verified(user):
    return user.is_verified() if hasattr(user, "is_verified") else False


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        """The code without the spaces and hyphens people type or paste with it, in lower case."""
        return "".join(self.cleaned_data["code"].split()).replace("-", "").lower()


def url_with_next(name, target):
    return f"{reverse(name)}?{urlencode({'next': target})}"


def safe_next(request):
    """Where to go once done: the `next` the user came with, if it is on this site; else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_code_data_uri(text):
    """An SVG QR code of text, as a data: URI for an <img>."""
    svg = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")


def readable_secret(device):
    """The app secret in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def setup(request):
    """Show a new app secret (QR code and text); a correct code from the app turns two-step sign-in on.

    Done again (for a new phone), it replaces the app and the recovery codes; only once the session
    has passed the second step, so a password alone cannot replace them.
    """
    user = request.user
    if user_has_device(user) and not is_verified(user):
        return redirect(url_with_next("two_factor_verify", reverse("two_factor_setup")))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    status = 200
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session[RECOVERY_CODES_SESSION_KEY] = new_recovery_codes(user)
            return redirect(url_with_next("two_factor_recovery_codes", safe_next(request)))
        form.add_error("code", _("That code is not right. Enter the 6-digit code your app shows now."))
    if form.errors:
        status = 400
    context = {
        "form": form,
        "qr_code": qr_code_data_uri(device.config_url),
        "secret": readable_secret(device),
        "next": safe_next(request),
        "required": must_use_two_factor(user),
    }
    return TemplateResponse(request, "core/admin/two_factor_setup.html", context, status=status)


def new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones; returns them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(request):
    """The recovery codes, shown once, straight after setup."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(safe_next(request))
    context = {"codes": codes, "next": safe_next(request)}
    return TemplateResponse(request, "core/admin/two_factor_recovery_codes.html", context)


def verify(request):
    """The second step of signing in: a code from the app, or a recovery code (which is then used up)."""
    user = request.user
    if is_verified(user) or not user_has_device(user):
        return redirect(safe_next(request))
    form = CodeForm(request.POST or None)
    status = 200
    if form.is_valid():
        code = form.cleaned_data["code"]
        # Six digits come from the app; anything else can only be a recovery code.
        device_class = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
        device = device_class.objects.filter(user=user, confirmed=True).first()
        if device is not None and not device.verify_is_allowed()[0]:
            form.add_error("code", _("Too many wrong codes in a row. Wait a minute, then try again."))
            status = 429
        elif device is not None and verify_token(user, device.persistent_id, code):
            otp_login(request, device)
            return redirect(safe_next(request))
        else:
            form.add_error(
                "code", _("That code is not right. Enter the 6-digit code your app shows now, or a recovery code.")
            )
    if form.errors and status == 200:
        status = 400
    return TemplateResponse(
        request, "core/admin/two_factor_verify.html", {"form": form, "next": safe_next(request)}, status=status
    )


admin_urls = [
    path("two-factor/setup/", setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", recovery_codes, name="two_factor_recovery_codes"),
    path("two-factor/verify/", verify, name="two_factor_verify"),
]

# Admin addresses a signed-in user reaches before the second step: these, signing out, and what
# the admin's pages load (its translations script, its icons).
OPEN_URL_NAMES = [
    "two_factor_setup",
    "two_factor_recovery_codes",
    "two_factor_verify",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
]


class TwoFactorMiddleware:
    """Sends a signed-in user who has not done the second step to it, or to setup when it is required.

    After django_otp's OTPMiddleware, which gives request.user its is_verified().
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and user.is_authenticated
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_URL_NAMES}
        ):
            if user_has_device(user):
                return redirect(url_with_next("two_factor_verify", request.get_full_path()))
            if must_use_two_factor(user):
                return redirect(url_with_next("two_factor_setup", request.get_full_path()))
        return self.get_response(request)
