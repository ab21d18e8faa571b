"""A programme page with one of every body block, for the block library's tests."""

import datetime

from demo.helpers import list_items, stream
from tests.factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ProgrammePageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    pdf_document,
)


def card_targets(home_page, size=1):
    """size each of resources, partners, posts and programme pages to point cards at."""
    image = ImageFactory()
    toolkit = ResourceTypeFactory(name="Toolkit", slug="toolkit")
    topic = TopicFactory(name="Nurture groups", slug="nurture-groups")
    library = ResourceIndexPageFactory(parent=home_page)
    directory = PartnerIndexPageFactory(parent=home_page)
    blog = BlogIndexPageFactory(parent=home_page)
    pages = []
    for number in range(size):
        pages += [
            ResourcePageFactory(
                parent=library,
                title=f"Nurture groups toolkit {number}",
                resource_type=toolkit,
                topics=[topic],
                listing_image=image,
                publication_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=number),
            ),
            PartnerPageFactory(parent=directory, title=f"Music service {number}", logo=image),
            BlogPageFactory(parent=blog, title=f"What we learned {number}", hero_image=image),
            ProgrammePageFactory(parent=home_page, title=f"Training {number}", listing_image=image),
        ]
    return pages, toolkit, topic


def every_block(home_page):
    """(block type, raw value) for every block in the body, cards and documents included."""
    pages, toolkit, topic = card_targets(home_page)
    document = pdf_document("Working group report", "What the working group learned.")
    image = ImageFactory()
    return [
        ("heading", {"text": "The working group", "level": "h2"}),
        ("paragraph", "<p>Music services share what they learn.</p>"),
        ("quote", {"quote": "Changing how we work has changed who we reach.", "attribution": "A manager"}),
        (
            "accordion",
            {
                "heading": "Questions and answers",
                "items": list_items(
                    {"question": "Who can join the working group?", "answer": "<p>Music services.</p>"},
                    {"question": "Who runs it?", "answer": "<p>Changing Tracks, with Music Mark.</p>"},
                ),
                "is_faq": True,
            },
        ),
        ("callout", {"kind": "warning", "text": "<p>Places are limited.</p>"}),
        (
            "table",
            {
                "caption": "Music services on the group",
                "columns": [{"type": "text", "heading": "When"}, {"type": "number", "heading": "Music services"}],
                "rows": [{"values": ["From September 2021", "around 45"]}],
            },
        ),
        (
            "two_columns",
            {
                "first_column": [{"type": "paragraph", "value": "<p>On the left.</p>", "id": "left"}],
                "second_column": [
                    {"type": "quote", "value": {"quote": "On the right.", "attribution": ""}, "id": "right"}
                ],
            },
        ),
        ("image", {"image": image.pk, "alt_text": "Young people drumming", "decorative": False, "caption": ""}),
        (
            "embed",
            {"url": "https://www.youtube.com/watch?v=jNQXAC9IVRw", "title": "An example video", "transcript": ""},
        ),
        (
            "call_to_action",
            {
                "heading": "Can we help you?",
                "text": "",
                "button_label": "Ask us",
                "link": {"page": None, "url": "https://example.org/"},
            },
        ),
        (
            "cards",
            {
                "heading": "Chosen pages",
                "pages": list_items(*[page.pk for page in pages]),
                "resource_type": None,
                "topic": None,
                "count": 3,
            },
        ),
        (
            "cards",
            {"heading": "Newest toolkits", "pages": [], "resource_type": toolkit.pk, "topic": topic.pk, "count": 3},
        ),
        ("document_list", {"heading": "Downloads", "documents": list_items({"document": document.pk, "label": ""})}),
        (
            "key_figures",
            {
                "heading": "In numbers",
                "figures": list_items(
                    {
                        "figure": "around 45",
                        "label": "music services on the group",
                        "source": "Working group membership, September 2021",
                    }
                ),
            },
        ),
        ("heard_principles", {"heading": "Making sure young people's music is HEARD", "intro": ""}),
        ("enews_signup", {"heading": "Sign up to our enews", "text": ""}),
    ]


def every_block_page(home_page, **fields):
    return ProgrammePageFactory(
        parent=home_page, title="Every block", slug="every-block", body=stream(*every_block(home_page)), **fields
    )
