"""Partner profiles (music services, music education hubs) and their directory.

A partner's region is a Region of the shared taxonomy (the taxonomy app). The
resource library and the blog point back at partners through page choosers
with the related names AUTHORED_RESOURCES and BLOG_MENTIONS; the profile
lists those pages once the choosers exist (see PartnerPage.related_pages).
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseBadRequest
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES
from core.forms import has_nul_byte
from core.models import BasePage, ReviewMixin, public

FIRST_YEAR = 1990
LAST_YEAR = 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]

# Related names of other apps' many-to-many page choosers to PartnerPage, and how many pages to list.
AUTHORED_RESOURCES = "authored_resources"
BLOG_MENTIONS = "blog_mentions"
RELATED_PAGES_SHOWN = 12


class PartnerKind(models.TextChoices):
    MUSIC_SERVICE = "music-service", _("Music service")
    MUSIC_EDUCATION_HUB = "music-education-hub", _("Music education hub")
    OTHER_ORGANISATION = "other-organisation", _("Other organisation")


class PartnerRoleKind(models.TextChoices):
    ACTION_RESEARCH_PARTNER = "action-research-partner", _("Action research partner")
    NWG_MEMBER = "nwg-member", _("NWG member")
    PROGRAMME_LEAD = "programme-lead", _("Programme lead")


def check_year_range(start, end, end_field):
    """Refuse an end year before the start year, with the error on the end year's field."""
    if start and end and end < start:
        raise ValidationError(
            {end_field: _("The end year cannot be before the start year (%(start)s).") % {"start": start}}
        )


def year_range_label(start, end):
    """Years as visitors read them: '2018–19', '2019', 'from 2021', 'until 2020' or ''."""
    if start and end:
        if start == end:
            return str(start)
        if start // 100 == end // 100:
            return f"{start}–{end % 100:02d}"
        return f"{start}–{end}"
    if start:
        return gettext("from %(year)s") % {"year": start}
    if end:
        return gettext("until %(year)s") % {"year": end}
    return ""


class PartnerIndexPage(BasePage):
    """The partner directory: one per language, under the home page."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("An opening paragraph saying who the partners are, shown under the title."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    # Site search's filter by kind (search/kinds.py): the directory and profiles are one kind, "Partners".
    search_kind = "partners"
    search_kind_label = _("Partners")

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1
    template = "partners/partner_index_page.html"

    class Meta:
        verbose_name = _("partner directory")

    def serve(self, request, *args, **kwargs):
        if has_nul_byte(request.GET):
            return HttpResponseBadRequest(_("Your filters contained a character we cannot search for."))
        response = super().serve(request, *args, **kwargs)
        if response.context_data["form"].errors:
            # The errors answer this visitor's filters: the page cache and CDNs must not share them.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def get_context(self, request, *args, **kwargs):
        from partners.directory import directory_context  # the directory module imports these models

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    def get_structured_data(self, request=None):
        return [self.get_web_page_data(request, schema_type="CollectionPage")]


class PartnerPage(ReviewMixin, BasePage):
    """A music service, music education hub or other organisation in the programme.

    Profiles go out of date, so each has a review date and owner (ReviewMixin).
    """

    kind = models.CharField(
        max_length=40,
        choices=PartnerKind.choices,
        default=PartnerKind.MUSIC_SERVICE,
        help_text=_("What sort of organisation this is. Visitors can filter the directory by it."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. The organisation's logo; its alt text is made from the organisation's name."),
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
        help_text=_("The region or nation the organisation works in. The directory's map counts partners by it."),
    )
    local_authority_area = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The local authority area or areas it serves, for example 'Hertfordshire'. Leave empty if unsure."),
    )
    website = models.URLField(
        blank=True, help_text=_("The organisation's own website, starting with https://. Leave empty if unknown.")
    )
    summary = models.TextField(
        max_length=400,
        blank=True,
        help_text=_("One to three plain sentences about the organisation and its part in the programme."),
    )
    why_involved = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("why they got involved"),
        help_text=_("Optional. In their words or ours: why the organisation joined the programme."),
    )
    difference_made = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("what difference it has made"),
        help_text=_("Optional. What has changed for the organisation, its staff or its young people."),
    )
    project_title = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("project title"),
        help_text=_("Optional. The title of their action research project."),
    )
    project_start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        verbose_name=_("project start year"),
        help_text=_("Optional. The year the project started, for example 2018."),
    )
    project_end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        verbose_name=_("project end year"),
        help_text=_("Optional. The year the project ended; leave empty if it is still running or unknown."),
    )
    project_focus = models.TextField(
        max_length=600,
        blank=True,
        verbose_name=_("project focus"),
        help_text=_("Optional. What the project looked at, in a sentence or two."),
    )
    project_findings = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("project findings"),
        help_text=_("Optional. What the project found: what helped inclusion and what stood in its way."),
    )

    content_panels = [
        TitleFieldPanel(
            "title",
            placeholder=_("Organisation name*"),
            help_text=_("The organisation's name as people know it, for example 'Hertfordshire Music Service'."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("logo"),
                FieldPanel("region"),
                FieldPanel("local_authority_area"),
                FieldPanel("website"),
            ],
            heading=_("About the organisation"),
        ),
        FieldPanel("summary"),
        InlinePanel(
            "roles",
            heading=_("Roles in the programme"),
            label=_("Role"),
            help_text=_("Each part the organisation has played, with its years, for example 'NWG member from 2021'."),
        ),
        MultiFieldPanel(
            [FieldPanel("why_involved"), FieldPanel("difference_made")],
            heading=_("Profile questions"),
            help_text=_("Each answer is optional and appears on the page only when filled in."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("project_title"),
                FieldPanel("project_start_year"),
                FieldPanel("project_end_year"),
                FieldPanel("project_focus"),
                FieldPanel("project_findings"),
            ],
            heading=_("Their action research project"),
            help_text=_("Optional. Fill in what is known; the section appears only when something is filled in."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("local_authority_area"),
        index.SearchField("why_involved"),
        index.SearchField("difference_made"),
        index.SearchField("project_title"),
        index.SearchField("project_focus"),
        index.SearchField("project_findings"),
        index.RelatedFields("region", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]
    settings_panels = BasePage.settings_panels + ReviewMixin.review_panels
    search_kind = "partners"
    search_kind_label = _("Partners")
    search_select_related = ("region",)

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    template = "partners/partner_page.html"

    class Meta:
        verbose_name = _("partner")

    def clean(self):
        super().clean()
        check_year_range(self.project_start_year, self.project_end_year, "project_end_year")

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def get_meta_description(self):
        return self.search_description or self.get_listing_summary()

    def get_structured_data(self, request=None):
        """A profile page whose main entity is the organisation, for search engines."""
        organization = {"@type": "Organization", "name": self.title, "url": self.get_full_url(request)}
        if self.get_listing_summary():
            organization["description"] = self.get_listing_summary()
        if self.website:
            organization["sameAs"] = [self.website]
        areas = [area for area in [self.local_authority_area, self.region and self.region.name] if area]
        if areas:
            organization["areaServed"] = areas
        profile = self.get_web_page_data(request, schema_type="ProfilePage")
        profile["mainEntity"] = organization
        return [profile]

    def search_result_meta(self):
        """What site search shows under a partner's name: its kind and region."""
        return [self.get_kind_display(), *([self.region.name] if self.region else [])]

    def logo_alt_text(self):
        return gettext("%(name)s logo") % {"name": self.title}

    @property
    def project_years(self):
        return year_range_label(self.project_start_year, self.project_end_year)

    @property
    def has_project(self):
        return any(
            [
                self.project_title,
                self.project_start_year,
                self.project_end_year,
                self.project_focus,
                self.project_findings,
            ]
        )

    def related_pages(self, related_name):
        """Live pages in this language that point at the partner through another app's page chooser.

        The chooser is either a many-to-many field on the other page model or a foreign key on
        one of its InlinePanel rows, with this related name; until that app has it, nothing is listed.
        """
        try:
            relation = self._meta.get_field(related_name)
        except FieldDoesNotExist:
            return []
        if relation.many_to_many:
            pages = relation.related_model.objects.filter(**{relation.field.name: self})
        else:
            row_model = relation.related_model
            parental_key = next(field for field in row_model._meta.fields if isinstance(field, ParentalKey))
            lookup = f"{parental_key.remote_field.related_name}__{relation.field.name}"
            pages = parental_key.related_model.objects.filter(**{lookup: self})
        pages = public(pages.live().filter(locale_id=self.locale_id)).distinct()
        return list(pages.order_by("-first_published_at")[:RELATED_PAGES_SHOWN])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["roles"] = list(self.roles.all())
        context["authored_resources"] = self.related_pages(AUTHORED_RESOURCES)
        context["blog_mentions"] = self.related_pages(BLOG_MENTIONS)
        context["directory"] = self.parent_page
        return context


class PartnerRole(Orderable):
    """A part a partner played in the programme, with its years."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(
        max_length=40,
        choices=PartnerRoleKind.choices,
        help_text=_("The part the organisation played. Visitors can filter the directory by it."),
    )
    start_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The first year of this role, for example 2018. Leave empty if not known."),
    )
    end_year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The last year, for example 2019 for '2018–19'. Leave empty if it continues or is not known."),
    )

    panels = [FieldPanel("role"), FieldPanel("start_year"), FieldPanel("end_year")]

    class Meta(Orderable.Meta):
        verbose_name = _("role")

    def __str__(self):
        return " ".join(filter(None, [self.get_role_display(), self.years]))

    def clean(self):
        super().clean()
        check_year_range(self.start_year, self.end_year, "end_year")

    @property
    def years(self):
        return year_range_label(self.start_year, self.end_year)
