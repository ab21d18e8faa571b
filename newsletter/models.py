"""Enews subscribers with double opt-in and a record of the consent each one gave."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def expired(self, now):
        """Sign-ups left unconfirmed, or unsubscribed, for longer than NEWSLETTER_UNCONFIRMED_RETENTION_DAYS."""
        cutoff = now - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS)
        return self.filter(
            models.Q(status=Subscriber.Status.PENDING, signed_up_at__lt=cutoff)
            | models.Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
        )


class Subscriber(models.Model):
    """One address. Only confirmed subscribers get the enews; signing up again updates this record."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(max_length=254, unique=True, help_text=_("Stored in lower case."))
    name = models.CharField(max_length=100, blank=True, help_text=_("Optional: the name they gave."))
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        help_text=_("Only confirmed subscribers are sent the enews."),
    )
    language = models.CharField(max_length=10, help_text=_("The language they signed up in; emails use it."))
    signed_up_at = models.DateTimeField(default=timezone.now, help_text=_("When they last asked to sign up."))
    confirmed_at = models.DateTimeField(null=True, blank=True, help_text=_("When they confirmed by email."))
    unsubscribed_at = models.DateTimeField(null=True, blank=True, help_text=_("When they unsubscribed."))
    consent_wording = models.TextField(help_text=_("The consent statement exactly as they saw it when they ticked it."))
    consent_given_at = models.DateTimeField(help_text=_("When they ticked the consent box."))
    source_url = models.CharField(
        max_length=300, blank=True, help_text=_("The page they signed up on, as a path on this site.")
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_up_at"]
        verbose_name = _("enews subscriber")
        verbose_name_plural = _("enews subscribers")

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    def record_sign_up(self, *, name, consent_wording, source_url, language):
        """A new or repeated sign-up: wait for confirmation again, with this consent on record."""
        now = timezone.now()
        self.name = name
        self.status = self.Status.PENDING
        self.language = language
        self.signed_up_at = now
        self.consent_wording = consent_wording
        self.consent_given_at = now
        self.source_url = source_url
        self.unsubscribed_at = None
        self.save()

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.save(update_fields=["status", "confirmed_at"])

    def unsubscribe(self):
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The privacy notice the enews sign-up form links to. Visitors see it in their own language."),
    )

    panels = [FieldPanel("privacy_page")]
    select_related = ["privacy_page"]  # read on every page with the sign-up form

    class Meta:
        verbose_name = _("enews")
