"""The home page, the programme's general pages (about, HEARD, research, NWG, training) and the enquiry form."""

import hashlib
import json
import logging
from datetime import timedelta
from urllib.parse import urljoin

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.db.models import Prefetch
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES, BaseStreamBlock
from core.images import images_with_renditions
from core.models import BasePage, ReviewMixin, public
from core.ratelimit import RateLimitedPageMixin
from core.spam import HumanCheckMixin, quoted_block
from home.panels import StoredOnlyWarningPanel
from navigation.links import footer_content_for
from taxonomy.principles import HEARD_PRINCIPLES

logger = logging.getLogger(__name__)


class HomePage(BasePage):
    hero_intro = models.TextField(
        max_length=400,
        help_text=_("One or two sentences under the page title saying what the programme is and who it is for."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image beside the introduction. Its alt text is the description in the image library."),
    )
    summary = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A short summary of the programme: what it offers and to whom."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("Anything else for the home page, shown after the summary, such as a call to action."),
    )
    show_featured_resources = models.BooleanField(
        default=True,
        help_text=_("Show resources from the library. Untick to leave the section out."),
    )
    featured_resources_heading = models.CharField(
        max_length=80, blank=True, help_text=_("The section's heading. Leave empty for 'Featured resources'.")
    )
    show_latest_posts = models.BooleanField(
        default=True, help_text=_("Show the three newest blog posts. Untick to leave the section out.")
    )
    latest_posts_heading = models.CharField(
        max_length=80, blank=True, help_text=_("The section's heading. Leave empty for 'Latest from the blog'.")
    )
    show_upcoming_events = models.BooleanField(
        default=True, help_text=_("Show the next three upcoming events. The section is left out when there are none.")
    )
    upcoming_events_heading = models.CharField(
        max_length=80, blank=True, help_text=_("The section's heading. Leave empty for 'Upcoming events'.")
    )
    show_partners = models.BooleanField(
        default=True,
        help_text=_("Show how many music services and hubs are partners, with a link to the map of partners."),
    )
    partners_heading = models.CharField(
        max_length=80, blank=True, help_text=_("The section's heading. Leave empty for 'Our partners'.")
    )
    show_heard_principles = models.BooleanField(
        default=True, help_text=_("Show the five HEARD principles, each with its letter, name and meaning.")
    )
    heard_heading = models.CharField(
        max_length=120,
        blank=True,
        help_text=_(
            "The heading above the HEARD principles. Leave empty for 'Making sure young people's music is HEARD'."
        ),
    )
    show_help = models.BooleanField(
        default=True,
        help_text=_("Show the 'Can we help you?' section, which leads to the enquiry form."),
    )
    help_heading = models.CharField(
        max_length=80, blank=True, help_text=_("The section's heading. Leave empty for 'Can we help you?'.")
    )
    help_intro = models.TextField(
        max_length=400,
        blank=True,
        help_text=_(
            "One or two sentences inviting visitors to get in touch. Leave empty for a standard invitation "
            "to ask about presentations, training and consultancy."
        ),
    )
    show_funders = models.BooleanField(
        default=True,
        help_text=_("Show the thanks to the funders (the words are in Settings > Footer) near the end of the page."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Introduction")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("show_featured_resources"),
                FieldPanel("featured_resources_heading"),
                InlinePanel(
                    "featured_resources",
                    max_num=6,
                    label=_("Resource"),
                    help_text=_("Up to six resources, in this order. Leave empty to show the three newest."),
                ),
            ],
            heading=_("Featured resources"),
        ),
        MultiFieldPanel([FieldPanel("show_latest_posts"), FieldPanel("latest_posts_heading")], heading=_("Blog")),
        MultiFieldPanel(
            [FieldPanel("show_upcoming_events"), FieldPanel("upcoming_events_heading")], heading=_("Events")
        ),
        MultiFieldPanel([FieldPanel("show_partners"), FieldPanel("partners_heading")], heading=_("Partners")),
        MultiFieldPanel(
            [FieldPanel("show_heard_principles"), FieldPanel("heard_heading")], heading=_("HEARD principles")
        ),
        MultiFieldPanel(
            [FieldPanel("show_help"), FieldPanel("help_heading"), FieldPanel("help_intro")],
            heading=_("Can we help you?"),
        ),
        FieldPanel("show_funders"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_intro"), index.SearchField("summary")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ProgrammePage",
        "resources.ResourceIndexPage",
        "partners.PartnerIndexPage",
        "blog.BlogIndexPage",
        "events.EventIndexPage",
        "home.EnquiryFormPage",
    ]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_social_image(self):
        return super().get_social_image() or self.hero_image

    # The content apps' models are looked up by name, so that home imports none of them.

    def featured_resource_pages(self):
        """The editors' choices, live and public, in their order; else the three newest resources."""
        resource_model = apps.get_model("resources", "ResourcePage")
        resources = public(resource_model.objects.live().filter(locale_id=self.locale_id))
        resources = resources.select_related("resource_type").prefetch_related(
            Prefetch("listing_image", queryset=images_with_renditions("card"))
        )
        chosen = [item.resource_id for item in self.featured_resources.all()]
        if chosen:
            found = {resource.pk: resource for resource in resources.filter(pk__in=chosen)}
            return [found[pk] for pk in chosen if pk in found]
        return list(resources.order_by("-publication_date", "-pk")[:3])

    def heard_section(self):
        """What the HEARD principles block's template reads: the heading and the five principles."""
        heading = self.heard_heading or _("Making sure young people's music is HEARD")
        return {"heading": heading, "intro": "", "principles": HEARD_PRINCIPLES}

    def latest_posts(self):
        blog_index_model = apps.get_model("blog", "BlogIndexPage")
        blog = blog_index_model.objects.live().child_of(self).first()
        if blog is None:
            return []
        return list(blog_index_model.with_listing_data(blog.posts())[:3])

    def upcoming_events(self):
        """The next three events in the home page's language that have not ended, soonest first."""
        index_model = apps.get_model("events", "EventIndexPage")
        event_model = apps.get_model("events", "EventPage")
        events = public(event_model.objects.live().filter(locale_id=self.locale_id))
        return list(index_model.upcoming_cards(events)[:3])

    def partner_directory(self):
        """The partner directory and how many partners it lists, or None when there is none."""
        directory_model = apps.get_model("partners", "PartnerIndexPage")
        directory = directory_model.objects.live().child_of(self).first()
        if directory is None:
            return None
        partner_model = apps.get_model("partners", "PartnerPage")
        count = public(partner_model.objects.live().descendant_of(directory)).count()
        return {"url": directory.url, "title": directory.title, "count": count}

    def get_structured_data(self, request=None):
        """The programme as an Organization, and the site with its search, for search engines."""
        url = self.get_full_url(request)
        footer = footer_content_for(request)
        organization = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "alternateName": "MusicNet East",
            "url": url,
            "logo": urljoin(url, static("images/icon-512.png")),
            "description": self.get_meta_description(),
        }
        if footer["contact_email"]:
            organization["email"] = footer["contact_email"]
        same_as = [link["url"] for link in footer["social_links"]]
        if same_as:
            organization["sameAs"] = same_as
        website = self.get_web_page_data(request, schema_type="WebSite")
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": urljoin(url, reverse("search")) + "?q={search_terms}",
            "query-input": "required name=search_terms",
        }
        return [organization, website]


class HomePageFeaturedResource(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_resources")
    resource = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A resource from the library to show on the home page."),
    )

    panels = [PageChooserPanel("resource", page_type="resources.ResourcePage")]


class ProgrammePage(ReviewMixin, BasePage):
    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("An opening paragraph in plain English, shown large under the title."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text=_("The main content, built from blocks: headings, text, images, quotes, videos and more."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + ReviewMixin.review_panels
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ProgrammePage"]
    subpage_types = ["home.ProgrammePage", "home.EnquiryFormPage"]
    template = "home/programme_page.html"

    class Meta:
        verbose_name = _("programme page")


# A second identical post within this time (a double click, a refresh) is the same enquiry.
DUPLICATE_WINDOW = timedelta(seconds=30)


class EnquiryFormField(AbstractFormField):
    page = ParentalKey("home.EnquiryFormPage", on_delete=models.CASCADE, related_name="form_fields")

    panels = [
        FieldPanel("label", help_text=_("The question, in plain English, for example 'Your email address'.")),
        FieldPanel("help_text", help_text=_("Optional: a hint shown under the question, such as what to include.")),
        FieldPanel("required", help_text=_("Tick if the visitor must answer before they can send the form.")),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text=_("The kind of answer: a line of text, a longer message, an email address, boxes to tick..."),
        ),
        FieldPanel(
            "choices",
            classname="formbuilder-choices",
            help_text=_("For boxes to tick, radio buttons and drop-downs only: one answer per line."),
        ),
        FieldPanel(
            "default_value",
            classname="formbuilder-default",
            help_text=_("Optional: an answer filled in already, which the visitor can change."),
        ),
    ]


class EnquirySubmission(AbstractFormSubmission):
    fingerprint = models.CharField(
        max_length=64,
        db_index=True,
        editable=False,
        help_text=_("A digest of the answers, to spot the same enquiry sent twice within seconds."),
    )

    class Meta(AbstractFormSubmission.Meta):
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")


def fingerprint(form_data):
    return hashlib.sha256(json.dumps(form_data, sort_keys=True, cls=DjangoJSONEncoder).encode()).hexdigest()


class EnquiryForm(HumanCheckMixin, BaseForm):
    """The visitor's form: the fields editors built, with the honeypot and the minimum fill time."""


# Error messages that name the question, so the error summary makes sense on its own.
REQUIRED_MESSAGES = {
    "checkbox": _("Tick “%(label)s”"),
    "checkboxes": _("Tick at least one answer to “%(label)s”"),
    "multiselect": _("Choose at least one answer to “%(label)s”"),
    "radio": _("Choose an answer to “%(label)s”"),
    "dropdown": _("Choose an answer to “%(label)s”"),
}


class EnquiryFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("EnquiryForm", (EnquiryForm,), self.formfields)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        message = REQUIRED_MESSAGES.get(field.field_type, _("Answer “%(label)s”"))
        options["error_messages"] = {"required": message % {"label": field.label}}
        return options

    def create_email_field(self, field, options):
        options["error_messages"]["invalid"] = _("Enter an email address in the right format, like name@example.org")
        return forms.EmailField(max_length=254, **options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 5000
        return super().create_multiline_field(field, options)


class EnquiryFormPage(RateLimitedPageMixin, EmailFormMixin, FormMixin, BasePage):
    """A form built by editors. Every enquiry is stored first, then emailed; a failed email loses nothing."""

    # The header and footer link "Can we help you?" to the first enquiry form under the home page.
    offers_help = True
    # Room for a person to correct a few mistakes; beyond that, one address is flooding the form.
    rate_limit_scope = "enquiry"
    rate_limit = 10
    rate_limit_period = 10 * 60

    intro = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the form is for and what happens next, shown above the form."),
    )
    thank_you_text = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after the form is sent: thank the visitor and say when they will hear back."),
    )

    form_builder = EnquiryFormBuilder

    content_panels = BasePage.content_panels + [
        StoredOnlyWarningPanel(),
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text=_("The sender of the email to staff. Leave empty to use the site's address."),
                        ),
                        FieldPanel(
                            "to_address",
                            help_text=_(
                                "Who is emailed each enquiry; separate several addresses with commas. "
                                "Leave empty and enquiries are only stored here in the admin, with nobody told."
                            ),
                        ),
                    ]
                ),
                FieldPanel("subject", help_text=_("The subject line of the email to staff.")),
            ],
            heading=_("Email to staff"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    search_kind = "pages"
    search_kind_label = _("Pages")

    parent_page_types = ["home.HomePage", "home.ProgrammePage"]
    subpage_types = []
    template = "home/enquiry_form_page.html"
    landing_page_template = "home/enquiry_form_page_landing.html"

    class Meta:
        verbose_name = _("enquiry form page")

    def get_submission_class(self):
        return EnquirySubmission

    def get_submissions_list_view_class(self):
        from home.views import EnquirySubmissionsListView

        return EnquirySubmissionsListView

    def process_form_submission(self, form):
        submission, created = self.store_submission(form)
        if created and self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception("Enquiry %s is stored, but the email to staff failed", submission.pk)
        return submission

    def store_submission(self, form):
        """The stored enquiry and whether it is new: the same answers again within seconds are not stored twice."""
        digest = fingerprint(form.cleaned_data)
        with transaction.atomic():
            # Lock the page row so two identical posts racing in are still seen as one.
            Page.objects.select_for_update().only("pk").get(pk=self.pk)
            recent = (
                self.get_submissions()
                .filter(fingerprint=digest, submit_time__gte=timezone.now() - DUPLICATE_WINDOW)
                .first()
            )
            if recent:
                return recent, False
            return EnquirySubmission.objects.create(form_data=form.cleaned_data, page=self, fingerprint=digest), True

    def send_mail(self, form):
        addresses = [address.strip() for address in self.to_address.split(",")]
        reply_to = [
            value
            for name, value in form.cleaned_data.items()
            if isinstance(form.fields[name], forms.EmailField) and value
        ]
        send_mail(
            self.subject or _("Enquiry from the website: %(title)s") % {"title": self.title},
            self.render_email(form),
            addresses,
            self.from_address,
            reply_to=reply_to[:1] or None,
        )

    def render_email(self, form):
        """The visitor's answers, only inside a quoted, labelled block, then the link to all enquiries."""
        submissions_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailforms:list_submissions", args=[self.pk])
        return "\n\n".join(
            [
                str(_("An enquiry came in through the website. Check any link in it before you open it.")),
                quoted_block(_("What the visitor wrote"), super().render_email(form)),
                _("All enquiries: %(url)s") % {"url": submissions_url},
            ]
        )
