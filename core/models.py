"""Page mixins and site-wide settings shared by every content area.

A page type is built from small mixins, each bringing its own fields and
panels, on top of Wagtail's Page. Content apps subclass BasePage.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES
from core.i18n import untranslated_original


class ListingFieldsMixin(models.Model):
    """How the page looks when it appears as a card in a listing."""

    listing_title = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("A shorter title for cards and listings. Leave empty to use the page title."),
    )
    listing_summary = models.TextField(
        max_length=300,
        blank=True,
        help_text=_(
            "One or two plain sentences for cards, search results and, if the meta description "
            "is empty, search engines."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An image for cards. Its alt text is the description given in the image library."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("How this page looks in listings"),
        )
    ]

    search_fields = [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def get_listing_title(self):
        return self.listing_title or self.title


class SocialFieldsMixin(models.Model):
    """What social networks show when someone shares the page."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. Landscape, at least 1200 by 630 pixels."),
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("A sentence shown when the page is shared. Leave empty to use the meta description."),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")], heading=_("When shared on social media")
        )
    ]

    class Meta:
        abstract = True


class SEOMixin:
    """Title and description for search engines, with fallbacks editors can rely on."""

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_meta_description(self):
        return self.search_description or getattr(self, "listing_summary", "")


class BasePage(SEOMixin, ListingFieldsMixin, SocialFieldsMixin, Page):
    """The base of every page type on the site."""

    promote_panels = SEOMixin.seo_panels + ListingFieldsMixin.listing_panels + SocialFieldsMixin.social_panels
    search_fields = Page.search_fields + ListingFieldsMixin.search_fields

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["original_page"] = untranslated_original(self)
        return context


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=40, help_text=_("The network's name as visitors know it, for example 'Bluesky'.")
    )
    url = blocks.URLBlock(label=_("URL"), help_text=_("The full address of the programme's profile."))

    class Meta:
        icon = "link"


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """What the footer of every page shows: funders, contact details and social links."""

    funder_acknowledgement = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Thanks to the funders, as the funding agreement asks it to be worded."),
    )
    contact_email = models.EmailField(blank=True, help_text=_("The programme's public email address."))
    contact_phone = models.CharField(max_length=40, blank=True, help_text=_("A public phone number, with area code."))
    postal_address = models.TextField(blank=True, help_text=_("One line per line of the address."))
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("Links to the programme's social media profiles, in the order to show them."),
    )

    panels = [
        FieldPanel("funder_acknowledgement"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading=_("Contact details"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("footer")
