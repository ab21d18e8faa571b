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
from wagtail.contrib.typed_table_block.blocks import TypedTable, TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.segments import StringSegmentValue

from taxonomy.principles import HEARD_PRINCIPLES

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


# The groups of the editor's block chooser.
TEXT = _("Text")
MEDIA = _("Media")
LINKS_AND_CARDS = _("Links and cards")
PROGRAMME = _("Programme")


def optional_heading():
    return blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Optional: a short heading above the block, shown as an h2."),
    )


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        max_length=200,
        help_text=_("The question as a visitor would ask it, or a short title. Visitors select it to open the answer."),
    )
    answer = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("The answer in plain sentences. Lists and links are fine."),
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    """Questions that open to show their answers, without JavaScript (details and summary)."""

    heading = optional_heading()
    items = blocks.ListBlock(
        QuestionBlock(),
        min_num=1,
        label=_("Questions"),
        help_text=_("Each question opens to show its answer. Visitors can open several at once."),
    )
    is_faq = blocks.BooleanBlock(
        required=False,
        label=_("Frequently asked questions"),
        help_text=_(
            "Tick if these are questions with answers, so search engines can show them as an FAQ. "
            "Leave empty for other sections that open and close."
        ),
    )

    def get_context(self, value, parent_context=None):
        from core.templatetags.core_tags import json_ld  # the tags module imports the page models

        context = super().get_context(value, parent_context)
        if value.get("is_faq"):
            context["faq_data"] = json_ld([faq_page_data(value["items"])])
        return context

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion.html"
        description = _("Questions or sections that open to show more, such as frequently asked questions.")
        preview_value = {
            "heading": "Questions and answers",
            "items": [
                {"question": "Who is the working group for?", "answer": "<p>Music services in England.</p>"},
                {"question": "What does it cost?", "answer": "<p>Nothing.</p>"},
            ],
            "is_faq": True,
        }


def faq_page_data(items):
    """schema.org FAQPage data for a list of questions and answers."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": str(item["answer"])},
            }
            for item in items
        ],
    }


# The page types an editor may choose for a card; core.cards picks each one's card template.
CARD_PAGE_TYPES = ["resources.ResourcePage", "partners.PartnerPage", "blog.BlogPage", "home.ProgrammePage"]


class CardPageChooserBlock(blocks.PageChooserBlock):
    """A page for a card. A body's cards are loaded together, with what they show (core.cards)."""

    def bulk_to_python(self, values):
        from core.cards import load_card_pages

        return load_card_pages(values)

    def to_python(self, value):
        return self.bulk_to_python([value])[0] if value else None


class CardsBlock(blocks.StructBlock):
    """Cards linking to chosen pages, or to the newest resources of a type or topic."""

    heading = optional_heading()
    pages = blocks.ListBlock(
        CardPageChooserBlock(
            page_type=CARD_PAGE_TYPES,
            label=_("Page"),
            help_text=_("A resource, partner, blog post or programme page."),
        ),
        required=False,
        label=_("Chosen pages"),
        help_text=_("The pages to show as cards, in this order. Leave empty to show the newest resources instead."),
    )
    resource_type = SnippetChooserBlock(
        "taxonomy.ResourceType",
        required=False,
        help_text=_("For the newest resources: show only this type, such as toolkits. Leave empty for any type."),
    )
    topic = SnippetChooserBlock(
        "taxonomy.Topic",
        required=False,
        help_text=_("For the newest resources: show only resources on this topic. Leave empty for any topic."),
    )
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=12,
        label=_("How many"),
        help_text=_("For the newest resources: how many cards to show, from 1 to 12."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("pages") and (value.get("resource_type") or value.get("topic")):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Choose pages, or a type or topic for the newest resources, but not both."))
                ]
            )
        return value

    def get_context(self, value, parent_context=None):
        from core.cards import card_template, newest_resources

        context = super().get_context(value, parent_context)
        if value.get("pages"):
            pages = [page.card_page for page in value["pages"] if page is not None and page.card_page is not None]
        else:
            pages = newest_resources(value.get("resource_type"), value.get("topic"), value.get("count") or 3)
        context["cards"] = [(page, *card_template(page)) for page in pages]
        return context

    class Meta:
        icon = "table"
        template = "components/blocks/cards.html"
        description = _("Cards linking to resources, partners, posts or pages, or to the newest resources.")
        preview_value = {"heading": "The newest resources", "pages": [], "count": 3}


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=20,
        help_text=_("The number as you would say it, for example 'around 45' or '17'. Keep it short."),
    )
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("What the number counts, for example 'music services represented on the working group'."),
    )
    source = blocks.CharBlock(
        max_length=200,
        help_text=_(
            "Where the figure comes from and when, for example 'Working group membership, September 2021'. "
            "Required: a figure without a source misleads."
        ),
    )

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = optional_heading()
    figures = blocks.ListBlock(
        KeyFigureBlock(),
        min_num=1,
        max_num=4,
        label=_("Figures"),
        help_text=_("One to four figures, each with what it counts and its source."),
    )

    class Meta:
        icon = "order"
        template = "components/blocks/key_figures.html"
        description = _("One to four numbers shown large, each with what it counts and where it comes from.")
        preview_value = {
            "figures": [
                {
                    "figure": "around 45",
                    "label": "music services represented on the working group",
                    "source": "Working group membership, September 2021",
                }
            ]
        }


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text=_("Choose or upload the file."))
    label = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("What the file is, for example 'The full report'. Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentListBlock(blocks.StructBlock):
    heading = optional_heading()
    documents = blocks.ListBlock(
        DocumentItemBlock(),
        min_num=1,
        label=_("Documents"),
        help_text=_("The files to list, in this order. Each shows its type and size, such as 'PDF, 1.2 MB'."),
    )

    def get_context(self, value, parent_context=None):
        from resources.models import describe_file  # resources.models imports this module

        context = super().get_context(value, parent_context)
        context["documents"] = [
            (item["document"], item["label"] or item["document"].title, describe_file(item["document"]))
            for item in value["documents"]
            if item["document"] is not None
        ]
        return context

    def get_preview_value(self):
        document = get_document_model().objects.order_by("pk").first()
        return {"heading": "Downloads", "documents": [{"document": document, "label": ""}] if document else []}

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_list.html"
        description = _("A list of files to download, each with its type and size.")


class TableBlock(TypedTableBlock):
    """A table with a caption; the top row and the first column are headers. Its words are translatable."""

    text = blocks.CharBlock(label=_("Text"), help_text=_("Words in a cell."))
    number = blocks.CharBlock(
        label=_("Number"), help_text=_("A number, such as '45' or '2021'. Number columns line up on the right.")
    )

    def clean(self, value):
        value = super().clean(value)
        if not (value.caption or "").strip():
            raise ValidationError(_("Add a caption saying what the table shows."))
        return value

    def get_translatable_segments(self, value):
        segments = [StringSegmentValue("caption", value.caption)] if value.caption else []
        for index, column in enumerate(value.columns):
            if column["heading"]:
                segments.append(StringSegmentValue(f"column-{index}", column["heading"]))
        for row_index, row in enumerate(value.row_data):
            for index, cell in enumerate(row["values"]):
                if cell:
                    segments.append(StringSegmentValue(f"cell-{row_index}-{index}", cell))
        return segments

    def restore_translated_segments(self, value, segments):
        texts = {segment.path: segment.render_text() for segment in segments}
        columns = [
            {"block": column["block"], "heading": texts.get(f"column-{index}", column["heading"])}
            for index, column in enumerate(value.columns)
        ]
        rows = [
            {"values": [texts.get(f"cell-{row_index}-{index}", cell) for index, cell in enumerate(row["values"])]}
            for row_index, row in enumerate(value.row_data)
        ]
        return TypedTable(columns=columns, row_data=rows, caption=texts.get("caption", value.caption))

    class Meta:
        icon = "table"
        template = "components/blocks/table.html"
        label = _("Table")
        help_text = _(
            "Give the table a caption saying what it shows. The top row holds the column headings and the "
            "first column labels each row. Use a table for data, never for layout."
        )
        description = _("A table of data with a caption and headings.")
        preview_value = {
            "caption": "Music services on the working group",
            "columns": [{"type": "text", "heading": "When"}, {"type": "number", "heading": "Music services"}],
            "rows": [{"values": ["From September 2021", "around 45"]}],
        }


CALLOUT_KINDS = [("information", _("Information")), ("warning", _("Warning")), ("success", _("Success"))]


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=CALLOUT_KINDS,
        default="information",
        help_text=_("Information for a note, warning for something to watch out for, success for good news."),
    )
    text = blocks.RichTextBlock(
        features=INLINE_RICH_TEXT_FEATURES,
        help_text=_("One or two sentences. The box shows its kind in words and with an icon, not by colour alone."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(CALLOUT_KINDS)[value["kind"]]
        return context

    class Meta:
        icon = "warning"
        template = "components/blocks/callout.html"
        description = _("A highlighted note: information, a warning or good news.")
        preview_value = {"kind": "information", "text": "<p>The working group meets online.</p>"}


class ColumnBlock(blocks.StreamBlock):
    paragraph = BodyRichTextBlock()
    image = FigureBlock()
    quote = QuoteBlock()

    class Meta:
        required = False


class TwoColumnsBlock(blocks.StructBlock):
    first_column = ColumnBlock(
        help_text=_("Text, an image or a quote. On wide screens it is on the left; on phones it comes first.")
    )
    second_column = ColumnBlock(
        help_text=_("Text, an image or a quote. On wide screens it is on the right; on phones it comes second.")
    )

    class Meta:
        icon = "grip"
        template = "components/blocks/two_columns.html"
        description = _("Two columns side by side on wide screens, each with text, an image or a quote.")
        preview_value = {
            "first_column": [("paragraph", "<p>Music services share what they are learning about inclusion.</p>")],
            "second_column": [
                ("quote", {"quote": "Changing how we work has changed who we reach.", "attribution": ""})
            ],
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every page type, its blocks grouped as the editor's chooser shows them."""

    heading = HeadingBlock(group=TEXT)
    paragraph = BodyRichTextBlock(group=TEXT)
    quote = QuoteBlock(group=TEXT)
    accordion = AccordionBlock(group=TEXT)
    callout = CalloutBlock(group=TEXT)
    table = TableBlock(group=TEXT)
    two_columns = TwoColumnsBlock(group=TEXT)
    image = FigureBlock(group=MEDIA)
    embed = TitledEmbedBlock(group=MEDIA)
    call_to_action = CallToActionBlock(group=LINKS_AND_CARDS)
    cards = CardsBlock(group=LINKS_AND_CARDS)
    document_list = DocumentListBlock(group=LINKS_AND_CARDS)
    key_figures = KeyFiguresBlock(group=PROGRAMME)
    heard_principles = HeardPrinciplesBlock(label=_("HEARD principles"), group=PROGRAMME)
    enews_signup = EnewsSignupBlock(label=_("Enews sign-up"), group=PROGRAMME)
