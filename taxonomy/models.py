"""The shared classification: resource types, topics, audiences and regions.

Snippets that editors order and translate; their slugs are used in the
listings' shareable filter URLs. Resources are filed by all four, partners by
region. The tables keep the names they had when the terms lived in resources.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=80, help_text=_("The name visitors see, in plain English."))
    slug = models.SlugField(
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in web addresses of filtered lists, for example 'nurture-groups'. Lower case and hyphens."),
    )
    description = models.TextField(
        blank=True, max_length=300, help_text=_("Optional: one sentence saying what belongs here.")
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lower numbers come first in filters and lists.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def unique_slug_per_locale(model_name):
    return models.UniqueConstraint(fields=["locale", "slug"], name=f"unique_{model_name}_slug_per_locale")


class ResourceType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "resources_resourcetype"
        verbose_name = _("resource type")
        constraints = [unique_slug_per_locale("resourcetype")]


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "resources_topic"
        verbose_name = _("topic")
        constraints = [unique_slug_per_locale("topic")]


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "resources_audience"
        verbose_name = _("audience")
        constraints = [unique_slug_per_locale("audience")]


class Region(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        db_table = "resources_region"
        verbose_name = _("region")
        constraints = [unique_slug_per_locale("region")]
