"""The home page and the programme's general pages (about, HEARD, research, NWG, training)."""

from urllib.parse import urljoin

from django.db import models
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import BasePage, FooterSettings, ReviewMixin


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
        help_text=_("The rest of the home page, such as the HEARD principles and calls to action."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Introduction")),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("hero_intro"), index.SearchField("summary")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ProgrammePage", "resources.ResourceIndexPage"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_social_image(self):
        return super().get_social_image() or self.hero_image

    def get_structured_data(self, request=None):
        """The programme as an Organization, and the site with its search, for search engines."""
        url = self.get_full_url(request)
        footer = FooterSettings.for_request(request) if request else FooterSettings.for_site(self.get_site())
        organization = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "alternateName": "MusicNet East",
            "url": url,
            "logo": urljoin(url, static("images/icon-512.png")),
            "description": self.get_meta_description(),
        }
        if footer.contact_email:
            organization["email"] = footer.contact_email
        same_as = [link.value["url"] for link in footer.social_links]
        if same_as:
            organization["sameAs"] = same_as
        website = self.get_web_page_data(request, schema_type="WebSite")
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": urljoin(url, reverse("search")) + "?q={search_terms}",
            "query-input": "required name=search_terms",
        }
        return [organization, website]


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
    subpage_types = ["home.ProgrammePage"]
    template = "home/programme_page.html"

    class Meta:
        verbose_name = _("programme page")
