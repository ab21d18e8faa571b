"""The resource library: the library page and resource pages.

A resource is filed by the shared taxonomy (the taxonomy app). A ResourcePage
lives under the ResourceIndexPage of its language. Its downloads are Wagtail
documents; the text of a PDF download is extracted when the document is saved
(resources.text) and indexed with the resource, so a phrase that only appears
inside a toolkit's PDF finds the toolkit.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.forms import has_nul_byte
from core.images import images_with_renditions
from core.models import BasePage, ExampleContentMixin, ReviewMixin
from taxonomy.principles import HEARD_PRINCIPLES


class ResourceIndexPage(BasePage):
    """The resource library: every resource in its language, newest first, with filters."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("A sentence or two above the filters saying what the library holds and who it is for."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1
    template = "resources/resource_index_page.html"

    # Site search files the library with the general pages (see search.kinds).
    search_kind = "pages"
    search_kind_label = _("Pages")

    class Meta:
        verbose_name = _("resource library")
        verbose_name_plural = _("resource libraries")

    def serve(self, request, *args, **kwargs):
        if has_nul_byte(request.GET):
            return HttpResponseBadRequest(_("Your search contained a character we cannot search for."))
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from resources.library import Library

        context = super().get_context(request, *args, **kwargs)
        context["library"] = Library(self, request)
        return context


def heard_field(slug):
    """A tick box for one HEARD principle, labelled and explained from taxonomy.principles."""
    name, meaning = next((name, meaning) for key, name, meaning in HEARD_PRINCIPLES if key == slug)
    return models.BooleanField(default=False, verbose_name=name, help_text=meaning)


class ResourcePageForm(WagtailAdminPageForm):
    """Offers only the taxonomy terms in the page's own language."""

    TAXONOMY_FIELDS = ("resource_type", "topics", "audiences", "regions")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        for name in self.TAXONOMY_FIELDS:
            if name in self.fields and locale_id:
                self.fields[name].queryset = self.fields[name].queryset.filter(locale_id=locale_id)
        if "resource_type" in self.fields:
            self.fields["resource_type"].required = True


# The taxonomy a resource page lists under its summary.
TERM_FIELDS = ("topics", "audiences", "regions")


class ResourcePage(ExampleContentMixin, ReviewMixin, BasePage):
    """A toolkit, report, case study or other resource; its review date and owner come from ReviewMixin."""

    summary = models.TextField(
        max_length=400,
        help_text=_(
            "Two or three plain sentences saying what the resource is and who it helps. "
            "Shown on cards and in search results."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("The page itself: what is in the resource, how to use it, what music services learned."),
    )
    publication_date = models.DateField(
        default=timezone.localdate,
        help_text=_("When the resource was first published. The library lists the newest first and by year."),
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text=_("When someone last checked the resource was still accurate.")
    )
    resource_type = models.ForeignKey(
        "taxonomy.ResourceType",
        null=True,
        blank=True,  # required in the editor's form; blank here so deleting a type never blocks a save
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("What kind of resource this is, such as a toolkit or a report. Manage the list under Taxonomy."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", blank=True, related_name="resources", help_text=_("Tick every topic the resource covers.")
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience",
        blank=True,
        related_name="resources",
        help_text=_("Tick the people the resource is written for."),
    )
    regions = ParentalManyToManyField(
        "taxonomy.Region",
        blank=True,
        related_name="resources",
        help_text=_("Tick the regions the resource comes from or is about. Leave empty if it is UK-wide."),
    )
    # One tick box per HEARD principle: simple to filter on and to count in one query.
    heard_holistic = heard_field("holistic")
    heard_equitable = heard_field("equitable")
    heard_authentic = heard_field("authentic")
    heard_representative = heard_field("representative")
    heard_diverse = heard_field("diverse")

    content_panels = BasePage.content_panels + [
        HelpPanel(
            content=_(
                "<p>File the resource by topic, HEARD principle, audience and region in the "
                "<strong>Topics and audiences</strong> tab above: the library's filters and search use them.</p>"
            ),
            heading=_("Topics and audiences"),
        ),
        *ExampleContentMixin.example_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                # A drop-down of the types in the page's language (ResourcePageForm), not a chooser.
                FieldPanel("resource_type", widget=forms.Select),
                FieldPanel("publication_date"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("About this resource"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "downloads",
            heading=_("Downloads"),
            label=_("Download"),
            help_text=_("The files visitors can download. Their type and size are shown automatically."),
        ),
        InlinePanel(
            "alternative_formats",
            heading=_("Alternative formats"),
            label=_("Alternative format"),
            help_text=_("Large print, Easy Read, audio, BSL video or a transcript: a document or a link each."),
        ),
        InlinePanel(
            "authoring_partners",
            heading=_("Written by"),
            label=_("Authoring partner"),
            help_text=_(
                "The organisations that wrote or led the resource, in the order to show them. Choose each one's "
                "partner profile where it has one."
            ),
        ),
        InlinePanel("related_resources", heading=_("Related resources"), label=_("Related resource")),
    ]
    filing_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel(f"heard_{slug}") for slug, _name, _meaning in HEARD_PRINCIPLES],
            heading=_("HEARD principles"),
            help_text=_("Tick the principles this resource puts into practice."),
        ),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(filing_panels, heading=_("Topics and audiences")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels + ReviewMixin.review_panels, heading=_("Settings")),
        ],
        base_form_class=ResourcePageForm,
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("partner_names"),
        index.SearchField("download_text"),
        index.RelatedFields("resource_type", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    template = "resources/resource_page.html"

    search_kind = "resources"
    search_kind_label = _("Resources")
    search_select_related = ("resource_type",)

    class Meta:
        verbose_name = _("resource")
        # The library lists newest first, twelve at a time: read backwards, this index gives the first page
        # without sorting every resource (EXPLAIN at 10,000 resources: an index scan instead of a sort).
        indexes = [models.Index(fields=["publication_date", "page_ptr"], name="resource_newest_first")]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # modelcluster saves downloads, topics and the other child relations after the page row,
        # so the index entry written by the post_save signal missed them: index again now.
        index.insert_or_update_object(self)

    def get_meta_description(self):
        return self.search_description or self.listing_summary or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["downloads"] = self.downloads.select_related("document")
        context["alternative_formats"] = self.alternative_formats.select_related("document")
        context["authoring_partners"] = self.authoring_partners.select_related("partner")
        context["terms"] = self.term_names()
        context["related_resources"] = [
            item.resource
            for item in self.related_resources.select_related("resource__resource_type").prefetch_related(
                Prefetch("resource__listing_image", queryset=images_with_renditions("card"))
            )
            if item.resource.live
        ]
        return context

    def term_names(self):
        """{"topics": [names], "audiences": [...], "regions": [...]}, in one query for a saved resource.

        In a preview the terms are the editor's unsaved choices, which modelcluster holds in memory.
        """
        chosen = {field: getattr(self, field).all() for field in TERM_FIELDS}
        if not all(isinstance(terms, models.QuerySet) for terms in chosen.values()):
            return {field: [term.name for term in terms] for field, terms in chosen.items()}
        rows = [
            terms.order_by().annotate(field=models.Value(field)).values_list("field", "sort_order", "name")
            for field, terms in chosen.items()
        ]
        names = {field: [] for field in TERM_FIELDS}
        for field, _sort_order, name in rows[0].union(*rows[1:], all=True).order_by("sort_order", "name"):
            names[field].append(name)
        return names

    def heard_principles(self):
        """(slug, name, meaning) for each HEARD principle the resource puts into practice."""
        return [principle for principle in HEARD_PRINCIPLES if getattr(self, f"heard_{principle[0]}")]

    @classmethod
    def get_indexed_objects(cls):
        # What partner_names and download_text read, fetched once for a batch (update_index) rather than
        # once per resource and per index column: five times over, as the search backend builds an entry.
        return (
            super()
            .get_indexed_objects()
            .prefetch_related("topics", "authoring_partners__partner", "downloads__document__extracted_text")
        )

    def partner_names(self):
        return ", ".join(author.display_name for author in self.authoring_partners.all())

    def download_text(self):
        """The text extracted from this resource's downloads, for the search index."""
        texts = []
        for download in self.downloads.all():
            try:
                texts.append(download.document.extracted_text.text)
            except DocumentText.DoesNotExist:
                continue
        return "\n".join(texts)

    def search_result_meta(self):
        """What site search shows under a resource's title: its type and publication date."""
        meta = [self.resource_type.name] if self.resource_type else []
        return [*meta, date_format(self.publication_date, "j F Y")]


def describe_file(document):
    """A document's type and size for visitors, such as 'PDF, 1.2 MB'."""
    parts = [document.file_extension.upper() or _("File")]
    if document.file_size:
        parts.append(filesizeformat(document.file_size))
    return ", ".join(str(part) for part in parts)


class ResourceDownload(Orderable):
    page = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose or upload the file. The text of a PDF is added to site search automatically."),
    )
    label = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "What the file is, for example 'The full report' or 'Printable checklist'. "
            "Leave empty to use the document's title."
        ),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    def clean(self):
        super().clean()
        if not self.label.strip() and self.document_id:
            self.label = self.document.title[: self._meta.get_field("label").max_length]

    def file_description(self):
        return describe_file(self.document)


class ResourceAlternativeFormat(Orderable):
    FORMATS = [
        ("large_print", _("Large print")),
        ("easy_read", _("Easy Read")),
        ("audio", _("Audio")),
        ("bsl_video", _("British Sign Language (BSL) video")),
        ("transcript", _("Transcript")),
    ]

    page = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="alternative_formats")
    format = models.CharField(max_length=20, choices=FORMATS, help_text=_("Which alternative format this is."))
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload or choose the file..."),
    )
    url = models.URLField(
        blank=True,
        verbose_name=_("link"),
        help_text=_("...or give the address where it lives, such as a BSL video on YouTube. One or the other."),
    )

    panels = [FieldPanel("format"), FieldPanel("document"), FieldPanel("url")]

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(_("Choose a document or give a link, but not both."))

    def file_description(self):
        return describe_file(self.document) if self.document else ""

    def get_url(self):
        return self.document.url if self.document else self.url


class ResourceAuthoringPartner(Orderable):
    """An organisation that wrote the resource: its partner profile where it has one, and its name.

    The name is always kept (filled in from the profile when one is chosen), so a
    resource still names its authors if a profile is deleted; written before profiles
    existed, names are linked to the profiles of the same name by resources.partner_links.
    """

    page = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="authoring_partners")
    partner = models.ForeignKey(
        "partners.PartnerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_resources",
        help_text=_(
            "The organisation's partner profile, if it has one: the resource then links to it and the profile "
            "lists the resource."
        ),
    )
    name = models.CharField(
        max_length=150,
        blank=True,
        help_text=_(
            "The organisation's name as it likes to be known, for example 'Music Mark'. Leave empty to use the "
            "name on the partner profile you chose."
        ),
    )

    panels = [PageChooserPanel("partner", "partners.PartnerPage"), FieldPanel("name")]

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if not self.name.strip():
            if not self.partner:
                raise ValidationError({"name": _("Choose a partner profile or type the organisation's name.")})
            self.name = self.partner.title

    @property
    def display_name(self):
        return self.partner.title if self.partner else self.name


class RelatedResource(Orderable):
    page = ParentalKey("resources.ResourcePage", on_delete=models.CASCADE, related_name="related_resources")
    resource = models.ForeignKey(
        "resources.ResourcePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Another resource a reader of this one would find useful."),
    )

    panels = [PageChooserPanel("resource", "resources.ResourcePage")]


class DocumentText(models.Model):
    """The text of a document, extracted when it is saved, for the search index.

    Kept beside the document rather than on a custom document model, so the
    document model stays Wagtail's own. An empty text has a note saying why.
    """

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
        help_text=_("The document the text comes from."),
    )
    text = models.TextField(blank=True, help_text=_("The document's text, as site search indexes it."))
    content_hash = models.CharField(max_length=64, blank=True, help_text=_("SHA-256 of the file the text came from."))
    note = models.CharField(max_length=255, blank=True, help_text=_("Why no text was extracted, if none was."))
    extracted_at = models.DateTimeField(auto_now=True, help_text=_("When the text was last extracted."))

    class Meta:
        verbose_name = _("document text")

    def __str__(self):
        return str(self.document)
