"""Page mixins and site-wide settings shared by every content area.

A page type is built from small mixins, each bringing its own fields and
panels, on top of Wagtail's Page. Content apps subclass BasePage.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef, Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from core.blocks import INLINE_RICH_TEXT_FEATURES
from core.i18n import active_language_tag, locale_id, untranslated_original_link

# The Open Graph image size most networks show large: 1.91:1.
SOCIAL_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def in_private_section():
    """Whether a page is at or below a view restriction, as an expression for the page's own query."""
    restrictions_above = PageViewRestriction.objects.annotate(
        outer_path=ExpressionWrapper(OuterRef("path"), output_field=models.CharField())
    ).filter(outer_path__startswith=F("page__path"))
    return Exists(restrictions_above)


def has_route_for(page_class, path_components):
    """Whether a page type with routes of its own (RoutablePageMixin) has one for this rest of a path."""
    if not path_components or not issubclass(page_class or Page, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve("/" + "/".join(path_components) + "/")
    except Http404:
        return False
    return True


def public(pages):
    """pages.public(), in the same query: Wagtail's first reads every view restriction in a query of its own.

    Not for a query to be searched (the library's, search's): Wagtail's search backends refuse the subquery.
    """
    return pages.exclude(in_private_section())


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


class ReviewMixin(models.Model):
    """A date by which someone must check the page is still accurate, and who that someone is.

    Any page type with this mixin appears on the admin dashboard when its review is due
    and in the owner's weekly reminder email (send_review_reminders).
    """

    next_review_date = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "When to check this page is still accurate. On that date it is listed on the dashboard "
            "and its owner is reminded by email."
        ),
    )
    review_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The person who keeps this page accurate and gets the review reminders."),
    )

    review_panels = [
        MultiFieldPanel([FieldPanel("review_owner"), FieldPanel("next_review_date")], heading=_("Content review"))
    ]

    class Meta:
        abstract = True


class ExampleContentMixin(models.Model):
    """Marks a page as made up to show how the site works, so that no visitor takes it for fact.

    Page templates include components/example_notice.html, which says so on the page.
    """

    is_example_content = models.BooleanField(
        default=False,
        verbose_name=_("is example content"),
        help_text=_(
            "Tick if this page is made up to show how the site works rather than real news or a real resource. "
            "A notice on the page tells visitors. Start its title with 'Example:' too."
        ),
    )

    example_panels = [FieldPanel("is_example_content")]

    class Meta:
        abstract = True


class SEOMixin:
    """Title, description, sharing and structured data, with fallbacks editors can rely on.

    base.html renders what these methods return, so a page type changes its
    metadata by overriding a method, never by editing the base template.
    """

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text=_(
                        "The title search engines and browser tabs show, up to about 60 characters. "
                        "Leave empty to use the page title."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    help_text=_(
                        "One or two sentences search engines show under the title, up to about 155 characters. "
                        "Leave empty to use the listing summary."
                    ),
                ),
            ],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus"), FieldPanel("menu_label")], heading=_("For site menus")),
    ]

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_meta_description(self):
        return self.search_description or getattr(self, "listing_summary", "")

    def get_social_description(self):
        return getattr(self, "social_text", "") or self.get_meta_description()

    def get_social_image(self):
        """The image shown when the page is shared; page types may fall back to their own images."""
        return getattr(self, "social_image", None) or getattr(self, "listing_image", None)

    def get_og_type(self):
        return "website"

    def get_structured_data(self, request=None):
        """Schema.org objects for the page's JSON-LD, as dicts. Override to describe the page better."""
        return [self.get_web_page_data(request)]

    def get_web_page_data(self, request=None, schema_type="WebPage"):
        data = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": self.get_meta_title(),
            "url": self.get_full_url(request),
            "inLanguage": active_language_tag(),
        }
        if self.get_meta_description():
            data["description"] = self.get_meta_description()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        return data


class BasePage(SEOMixin, ListingFieldsMixin, SocialFieldsMixin, Page):
    """The base of every page type on the site."""

    menu_label = models.CharField(
        max_length=25,
        blank=True,
        help_text=_(
            "A short name for the main menu, one or two words, for example 'Working group'. "
            "Leave empty to use the page title."
        ),
    )

    promote_panels = SEOMixin.seo_panels + ListingFieldsMixin.listing_panels + SocialFieldsMixin.social_panels
    search_fields = Page.search_fields + ListingFieldsMixin.search_fields

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["original_page"] = untranslated_original_link(request, self)
        return context

    def route(self, request, path_components):
        """Wagtail's routing, finding the pages along the path in one query instead of two a level.

        A page's url_path is its ancestors' slugs, so the pages along /a/b/ below this one are those
        whose url_path is this page's plus "a/" or "a/b/". As in Wagtail, a page with routes of its own
        (RoutablePageMixin) is given the rest of the path when one of its routes matches it.
        The page found remembers the pages above it (path_ancestors), which the walk has already read.
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)]
        along = Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
        by_depth = {page.depth: page for page in along}
        ancestors = [*self.path_ancestors, self] if self.depth > 1 else []
        page, taken = None, 0
        while self.depth + taken + 1 in by_depth:
            if page is not None:
                ancestors.append(page)
            page = by_depth[self.depth + taken + 1]
            taken += 1
            if has_route_for(page.specific_class, path_components[taken:]):
                break
        if page is None:
            raise Http404
        routed = page.specific
        routed.path_ancestors = ancestors
        return routed.route(request, path_components[taken:])

    @cached_property
    def path_ancestors(self):
        """The pages above this one, home page first (the tree's root left out): the breadcrumbs.

        The routing sets them from the pages it read; otherwise (a preview, say) they are asked for.
        """
        if self.depth <= 2:
            return []
        return list(self.get_ancestors().filter(depth__gt=1))

    @property
    def parent_page(self):
        return self.path_ancestors[-1] if self.depth > 2 else self.get_parent()

    def get_view_restrictions(self):
        """Wagtail's rule in one query instead of two: the restrictions on this page and its ancestors,
        where an alias (this page or an ancestor) has its original's restrictions rather than its own.

        The ancestors' paths are prefixes of this page's path, so they need no query of their own.
        """
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

    @property
    def localized_draft(self):
        """Wagtail's, without its query for the active Locale when the page is already in that language.

        Wagtail routes every request from site.root_page.localized; the locale ids are remembered per process.
        """
        if self.locale_id == locale_id(get_language()):
            return self
        return super().localized_draft


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=40, help_text=_("The network's name as visitors know it, for example 'Bluesky'.")
    )
    url = blocks.URLBlock(label=_("URL"), help_text=_("The full address of the programme's profile."))

    class Meta:
        icon = "link"


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        help_text=_("A page every visitor should be able to find, such as the accessibility statement.")
    )
    label = blocks.CharBlock(
        required=False, max_length=60, help_text=_("The link text. Leave empty to use the page's title.")
    )

    class Meta:
        icon = "link"


class FooterText(TranslatableMixin, models.Model):
    """The footer's words, one per language: translated in wagtail-localize's editor like any snippet."""

    funder_acknowledgement = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Thanks to the funders, as the funding agreement asks it to be worded."),
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        help_text=_("Links at the foot of every page, such as the accessibility statement and the cookie statement."),
    )

    panels = [
        HelpPanel(
            content=_(
                "<p>The footer's words, one version per language. The contact details and social media links, "
                "the same in every language, are under Settings &gt; Footer contact details.</p>"
            )
        ),
        FieldPanel("funder_acknowledgement"),
        FieldPanel("footer_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer funders and links")
        verbose_name_plural = _("footer funders and links")

    def __str__(self):
        return str(_("Footer funders and links ({language})")).format(language=self.locale.get_display_name())

    @classmethod
    def for_active_language(cls):
        """The footer text in the visitor's language, else in the site's default language."""
        texts = {text.locale_id: text for text in cls.objects.all()}
        return texts.get(locale_id(get_language())) or texts.get(locale_id(settings.LANGUAGE_CODE))


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer's contact details and social links: the same in every language.

    Its words (the funders' acknowledgement and the footer links) are in FooterText.
    """

    contact_email = models.EmailField(blank=True, help_text=_("The programme's public email address."))
    contact_phone = models.CharField(max_length=40, blank=True, help_text=_("A public phone number, with area code."))
    postal_address = models.TextField(blank=True, help_text=_("One line per line of the address."))
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("Links to the programme's social media profiles, in the order to show them."),
    )

    panels = [
        HelpPanel(
            content=_(
                "<p>The same in every language. The funders' acknowledgement and the footer links, translated "
                "for each language, are under Settings &gt; Footer funders and links.</p>"
            )
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading=_("Contact details"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("footer contact details")
