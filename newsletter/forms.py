from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import HumanCheckMixin

CONSENT_WORDING = _(
    "Yes, email me the Changing Tracks enews. I understand I can unsubscribe at any time with the link in every email."
)


class SignupForm(HumanCheckMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the right format, like name@example.org"),
            "max_length": _("Enter an email address of 254 characters or fewer"),
        },
    )
    consent = forms.BooleanField(
        label=CONSENT_WORDING,
        error_messages={"required": _("Tick the box to say you would like the enews")},
    )
    source = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, id_prefix="enews-", **kwargs):
        kwargs.setdefault("auto_id", id_prefix + "%s")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean_source(self):
        """Only a path on this site is kept as the page the visitor signed up on."""
        source = self.cleaned_data["source"]
        return source[:300] if source.startswith("/") and not source.startswith("//") else ""
