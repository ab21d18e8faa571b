"""The StreamField block library shared by every page type.

Each block has plain-English help text, a description and a preview value, so
editors can see what a block does before they add it. Headings start at h2:
the page template owns the only h1.
"""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# Rich text in the body: h2-h4 only, simple emphasis, links and lists.
BODY_RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]
# Short rich text (intros, captions, answers): no headings.
INLINE_RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

HEADING_LEVELS = [("h2", _("Section heading (h2)")), ("h3", _("Subheading (h3)")), ("h4", _("Minor heading (h4)"))]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120,
        help_text=_("Keep headings short and descriptive: they help screen reader users move around the page."),
    )
    level = blocks.ChoiceBlock(
        choices=HEADING_LEVELS,
        default="h2",
        help_text=_("Use h2 for a main section, h3 inside it, h4 inside that. Do not skip levels."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        description = _("A section heading (h2 to h4). The page title is the only h1.")
        preview_value = {"text": "What is inclusion in music education?", "level": "h2"}


class BodyRichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_RICH_TEXT_FEATURES)
        kwargs.setdefault(
            "help_text",
            _(
                "Paragraphs, lists and links. Use the heading buttons for h2-h4; "
                "write link text that makes sense on its own."
            ),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/rich_text.html"
        description = _("Paragraphs of text with simple formatting, lists and links.")
        preview_value = (
            "<p>Music-making helps young people grow, but too many miss out because of who they are "
            "or where they live.</p>"
            "<ul><li>Test approaches</li><li>Learn from them</li><li>Share the learning</li></ul>"
        )


def first_image():
    """An image for block previews in the editor, if the library has one."""
    return get_image_model().objects.order_by("pk").first()


class FigureBlock(blocks.StructBlock):
    """An image with alt text that is required unless the image is decorative."""

    image = ImageChooserBlock(help_text=_("Choose or upload an image. Avoid images of text."))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alt text"),
        help_text=_(
            "Describe what the image shows for people who cannot see it, in a sentence. "
            "Leave empty only if you tick 'Decorative'."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("Decorative"),
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=_("Optional words shown under the image, such as a credit."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Add alt text describing the image, or tick 'Decorative' if it adds nothing.")
                    )
                }
            )
        return value

    def get_preview_value(self):
        return {"image": first_image(), "alt_text": "Young people playing steel pans in a school hall", "caption": ""}

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        description = _("An image with alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words quoted, without quotation marks."))
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Who said it, for example 'Head of a music service'.")
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        description = _("A quotation with who said it.")
        preview_value = {
            "quote": "Changing how we work has changed who we reach.",
            "attribution": "Music service manager, action research partner",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website: one of the two."""

    page = blocks.PageChooserBlock(required=False, help_text=_("Link to a page on this site..."))
    url = blocks.URLBlock(required=False, label=_("URL"), help_text=_("...or to another website."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose a page or enter a URL, but not both."))]
            )
        return value

    class Meta:
        icon = "link"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text=_("A short heading, shown as an h2."))
    text = blocks.TextBlock(required=False, help_text=_("One or two sentences saying why to act."))
    button_label = blocks.CharBlock(
        max_length=60, help_text=_("Say what happens, for example 'Ask about training'. Avoid 'Click here'.")
    )
    link = LinkBlock(help_text=_("Where the button goes."))

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"
        description = _("A highlighted box with a heading, a sentence and a button.")
        preview_value = {
            "heading": "Can we help you?",
            "text": "We present, train and advise music services, hubs and regional groups.",
            "button_label": "Ask about training",
            "link": {"url": "https://example.org/"},
        }


def video_embed_address(url):
    """The privacy-friendly player address for a YouTube or Vimeo link, or None.

    Building the address here, rather than asking the provider over oEmbed,
    means a page render never calls a third party: the player loads only when
    the visitor presses play.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
    elif host == "youtube.com":
        video_id = parse_qs(parsed.query).get("v", [""])[0]
        if not video_id and parsed.path.startswith(("/embed/", "/shorts/")):
            video_id = parsed.path.split("/")[2]
    elif host == "vimeo.com":
        video_id = parsed.path.strip("/").split("/")[0]
        return f"https://player.vimeo.com/video/{video_id}" if video_id.isdigit() else None
    if host in ("youtu.be", "youtube.com") and re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return None


class VideoURLBlock(blocks.URLBlock):
    def clean(self, value):
        value = super().clean(value)
        if not video_embed_address(value):
            raise ValidationError(_("Use the address of a YouTube or Vimeo video."))
        return value


class TitledEmbedBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only when the visitor asks for it."""

    url = VideoURLBlock(
        label=_("Video address"),
        help_text=_("The address of a YouTube or Vimeo video, for example https://www.youtube.com/watch?v=..."),
    )
    title = blocks.CharBlock(
        max_length=150,
        help_text=_("Describe the video, for example 'Nurture groups in Hull'. Screen readers announce it."),
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("A transcript or description of the video, for people who cannot watch or hear it."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_src"] = video_embed_address(value.get("url"))
        return context

    class Meta:
        icon = "media"
        template = "components/blocks/embed.html"
        description = _("A video, loaded from YouTube or Vimeo only when the visitor chooses to play it.")
        preview_value = {"url": "https://www.youtube.com/watch?v=jNQXAC9IVRw", "title": "An example video"}


HEARD_PRINCIPLES = [
    (
        "holistic",
        _("Holistic"),
        _("The personal, social and emotional benefits of music drive the vision and mission."),
    ),
    ("equitable", _("Equitable"), _("People facing the biggest barriers receive the most support.")),
    ("authentic", _("Authentic"), _("The work is designed together with the people it is for.")),
    ("representative", _("Representative"), _("Participants and colleagues reflect our diverse society.")),
    ("diverse", _("Diverse"), _("All musical genres, styles and practices are valued equally.")),
]


class HeardPrinciplesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        default="Making sure young people's music is HEARD", max_length=120, help_text=_("Shown as an h2.")
    )
    intro = blocks.TextBlock(required=False, help_text=_("An optional sentence before the five principles."))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["principles"] = HEARD_PRINCIPLES
        return context

    class Meta:
        icon = "list-ul"
        template = "components/blocks/heard_principles.html"
        description = _("The five HEARD principles, each with its letter, name and meaning.")
        preview_value = {"heading": "Making sure young people's music is HEARD"}


class EnewsSignupBlock(blocks.StructBlock):
    """The enews sign-up form. It posts to the named URL 'newsletter:signup'; core knows nothing more of the enews."""

    # Its form is new for each request (anti-spam time, field ids unique on the page): never cached.
    renders_per_request = True

    heading = blocks.CharBlock(
        default="Sign up to our enews", max_length=120, help_text=_("A short heading, shown as an h2.")
    )
    text = blocks.TextBlock(
        required=False,
        help_text=_("Optional: a sentence saying what the enews brings, for example 'Advice, tools and tips'."),
    )

    class Meta:
        icon = "mail"
        template = "components/blocks/enews_signup.html"
        description = _("A sign-up form for the enews, with the consent box and a link to the privacy notice.")
        preview_value = {
            "heading": "Sign up to our enews",
            "text": "Advice and resources, tools and tips, from your music service peers.",
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = BodyRichTextBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = TitledEmbedBlock()
    heard_principles = HeardPrinciplesBlock()
    enews_signup = EnewsSignupBlock()
