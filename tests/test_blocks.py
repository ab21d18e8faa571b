"""The editors' block library: what each block shows, what it refuses, how it is edited and translated."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from caching import version
from core.blocks import AccordionBlock, BaseStreamBlock, CardsBlock, KeyFiguresBlock, TableBlock
from demo.helpers import stream, translate
from home.models import ProgrammePage
from tests.blocks_page import card_targets, every_block, every_block_page
from tests.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_page_with_every_block_shows_each_one_accessibly(client, home_page):
    page = every_block_page(home_page)
    body = soup_of(client.get(page.url)).select_one("article.page-body")

    questions = body.select(".accordion details > summary")
    assert [summary.get_text(strip=True) for summary in questions][0] == "Who can join the working group?"
    faq = json.loads(body.select_one(".accordion script[type='application/ld+json']").string)
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0]["name"] == "Who can join the working group?"

    callout = body.select_one(".callout--warning")
    assert callout["role"] == "note" and callout.select_one(".callout__label").get_text(strip=True) == "Warning"

    table = body.select_one(".table-block table")
    assert table.caption.get_text(strip=True) == "Music services on the group"
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col"]
    assert table.select_one("tbody th[scope=row]").get_text(strip=True) == "From September 2021"

    columns = body.select(".two-columns > .two-columns__column")
    assert len(columns) == 2 and "On the left." in columns[0].get_text()

    chosen, newest = body.select(".cards-block")
    links = [link.get_text(strip=True) for link in chosen.select(".card__title a")]
    assert links == ["Nurture groups toolkit 0", "Music service 0", "What we learned 0", "Training 0"]
    assert [link.get_text(strip=True) for link in newest.select(".card__title a")] == ["Nurture groups toolkit 0"]

    download = body.select_one(".document-list a[download]")
    assert "Working group report" in download.get_text() and "(PDF," in download.get_text()

    figure = body.select_one(".key-figure")
    assert figure.select_one(".key-figure__number").get_text(strip=True) == "around 45"
    assert "Working group membership, September 2021" in figure.select_one(".key-figure__source").get_text()
    assert body.find("h1") is not None and len(body.find_all("h1")) == 1


def test_questions_not_marked_as_faq_give_search_engines_nothing():
    block = AccordionBlock()
    value = block.to_python({"heading": "", "items": [{"question": "Q?", "answer": "<p>A.</p>"}], "is_faq": False})
    html = block.render(value)
    assert "<details" in html and "application/ld+json" not in html


def test_a_key_figure_needs_its_source():
    block = KeyFiguresBlock()
    value = block.to_python({"heading": "", "figures": [{"figure": "45", "label": "music services", "source": ""}]})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_table_needs_a_caption():
    block = TableBlock()
    value = block.to_python(
        {"caption": "", "columns": [{"type": "text", "heading": "When"}], "rows": [{"values": ["2021"]}]}
    )
    with pytest.raises(ValidationError, match="caption"):
        block.clean(value)


def test_cards_take_chosen_pages_or_a_type_and_topic_not_both(home_page):
    pages, toolkit, topic = card_targets(home_page)
    block = CardsBlock()
    value = block.to_python(
        {"heading": "", "pages": [pages[0].pk], "resource_type": None, "topic": topic.pk, "count": 3}
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_a_card_to_an_unpublished_page_is_left_out_but_stays_in_the_editor(client, home_page):
    pages, _toolkit, _topic = card_targets(home_page)
    pages[0].unpublish()
    page = ProgrammePageFactory(
        parent=home_page, slug="cards", body=stream(("cards", {"heading": "", "pages": [p.pk for p in pages[:2]]}))
    )
    cards = soup_of(client.get(page.url)).select(".cards-block .card__title a")
    assert [card.get_text(strip=True) for card in cards] == ["Music service 0"]
    assert [p.pk for p in ProgrammePage.objects.get(pk=page.pk).body[0].value["pages"]] == [p.pk for p in pages[:2]]


def test_the_chooser_groups_blocks_and_names_them_as_the_programme_does():
    children = BaseStreamBlock().child_blocks
    groups = {block.meta.group for block in children.values()}
    assert groups == {"Text", "Media", "Links and cards", "Programme"}
    assert children["heard_principles"].label == "HEARD principles"
    assert children["enews_signup"].label == "Enews sign-up"
    assert children["accordion"].meta.group == "Text" and children["cards"].meta.group == "Links and cards"


def help_text_of(block):
    """Help text given to a block: field blocks keep it on their form field."""
    return getattr(block.meta, "help_text", None) or getattr(getattr(block, "field", None), "help_text", "")


def every_field_has_help_text(block, path):
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            assert help_text_of(child), f"{path}.{name} has no help text"
            every_field_has_help_text(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        every_field_has_help_text(block.child_block, path)
    elif isinstance(block, blocks.StreamBlock) and not isinstance(block, BaseStreamBlock):
        for name, child in block.child_blocks.items():
            every_field_has_help_text(child, f"{path}.{name}")


@pytest.mark.parametrize("name", ["accordion", "cards", "key_figures", "document_list", "callout", "two_columns"])
def test_every_field_of_the_new_blocks_has_help_text(name):
    every_field_has_help_text(BaseStreamBlock().child_blocks[name], name)


# Editing through the admin


def form_value(block, value):
    """The admin form's fields for a block's stored (JSON) value, as Wagtail's editor posts them."""
    if isinstance(block, blocks.StreamBlock):
        return streamfield(
            [(child["type"], form_value(block.child_blocks[child["type"]], child["value"])) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        items = [item["value"] if isinstance(item, dict) and "type" in item else item for item in value]
        fields = {"count": len(items)}
        for index, item in enumerate(items):
            fields[str(index)] = {"value": form_value(block.child_block, item), "deleted": "", "order": index}
        return fields
    if isinstance(block, blocks.StructBlock):
        return {name: form_value(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, TypedTableBlock):
        fields = {"caption": value["caption"], "column-count": len(value["columns"]), "row-count": len(value["rows"])}
        for index, column in enumerate(value["columns"]):
            fields.update(
                {f"column-{index}-{key}": column[key] for key in ("type", "heading")}
                | {f"column-{index}-order": index, f"column-{index}-deleted": ""}
            )
        for row_index, row in enumerate(value["rows"]):
            fields.update({f"row-{row_index}-order": row_index, f"row-{row_index}-deleted": ""})
            fields.update({f"cell-{row_index}-{index}": cell for index, cell in enumerate(row["values"])})
        return fields
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    return "" if value is None else value


def comparable(value):
    """A stored value without the ids Wagtail gives list items and blocks."""
    if isinstance(value, list):
        return [
            comparable(item["value"] if isinstance(item, dict) and item.get("type") == "item" else item)
            for item in value
        ]
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items() if key != "id"}
    if isinstance(value, str):
        # The rich text editor keys its paragraphs and saves an empty field as an empty paragraph.
        value = re.sub(r' data-block-key="[^"]*"', "", value)
        return "" if value == "<p></p>" else value
    return value


def test_a_page_with_every_block_survives_a_round_trip_through_the_admin(admin_client, home_page):
    page = every_block_page(home_page)
    stored = comparable(page.body.get_prep_value())
    body = form_value(BaseStreamBlock(), page.body.get_prep_value())
    form = nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": page.intro, "body": body, "comments": inline_formset([])}
        | {"action-publish": "publish"}
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    saved = ProgrammePage.objects.get(pk=page.pk)
    assert comparable(saved.body.get_prep_value()) == stored
    assert len(stored) == len(BaseStreamBlock().child_blocks) + 1  # every block, cards twice


def test_pages_saved_before_the_new_blocks_keep_their_content(client, home_page):
    old_blocks = [item for item in every_block(home_page) if item[0] in OLD_BLOCKS]
    assert {name for name, _value in old_blocks} == OLD_BLOCKS
    page = ProgrammePageFactory(parent=home_page, slug="old", body=stream(*old_blocks))
    saved = ProgrammePage.objects.get(pk=page.pk)
    assert [child.block_type for child in saved.body] == [name for name, _value in old_blocks]
    text = soup_of(client.get(saved.url)).select_one("article").get_text(" ", strip=True)
    for phrase in ("The working group", "Music services share what they learn.", "Can we help you?", "HEARD"):
        assert phrase in text


OLD_BLOCKS = {"heading", "paragraph", "image", "quote", "call_to_action", "embed", "heard_principles", "enews_signup"}


# Translation


class Welsh(dict):
    """Every segment's Welsh: the English with 'CY ' in front."""

    def __missing__(self, text):
        return f"CY {text}"


def test_the_welsh_page_translates_every_text_and_shows_welsh_cards(client, home_page):
    page = every_block_page(home_page)
    target = page.body[10].value["pages"][3]  # a programme page chosen for a card
    translate(home_page, "cy", Welsh())
    translate(target, "cy", Welsh())
    translate(page, "cy", Welsh())
    body = soup_of(client.get("/cy/every-block/")).select_one("article.page-body")
    assert body.select_one(".accordion summary").get_text(strip=True) == "CY Who can join the working group?"
    assert body.select_one(".table-block caption").get_text(strip=True) == "CY Music services on the group"
    assert body.select_one(".table-block td").get_text(strip=True) == "CY around 45"
    assert (
        body.select_one(".key-figure__source")
        .get_text(strip=True)
        .endswith("CY Working group membership, September 2021")
    )
    links = body.select(".cards-block")[0].select(".card__title a")
    assert links[3].get_text(strip=True) == f"CY {target.title}" and links[3]["href"].startswith("/cy/")
    assert links[0]["href"].startswith("/en/")  # not translated yet: the English page


# Queries


@pytest.mark.parametrize("size", [3, 15])
def test_a_page_full_of_cards_takes_the_same_queries_at_any_size(client, home_page, django_assert_num_queries, size):
    pages, _toolkit, _topic = card_targets(home_page, size)
    page = ProgrammePageFactory(
        parent=home_page,
        slug="cards",
        body=stream(
            ("cards", {"heading": "Chosen", "pages": [p.pk for p in pages[: size * 2]]}),
            ("cards", {"heading": "More", "pages": [p.pk for p in pages[size * 2 :]]}),
            ("cards", {"heading": "Newest", "pages": [], "count": size}),
        ),
    )
    assert len(soup_of(client.get(page.url)).select(".card__title")) == size * 5  # warm-up
    version.new_content_version()
    with django_assert_num_queries(CARD_PAGE_QUERIES):
        assert client.get(page.url).status_code == 200


# The first request after a publish: routing, Wagtail's view restriction check, the menu, footer,
# language links and breadcrumbs (as the programme page in tests/test_query_counts.py), then its
# cards: the chosen pages and their translations, each page type with what its card shows (resources'
# types, images and renditions; partners' roles and logo renditions; posts' images, renditions and
# authors; programme pages' images and renditions), and the newest resources with their images and
# renditions.
CARD_PAGE_QUERIES = 31


# Demo content


def test_the_demo_working_group_page_uses_the_new_blocks_with_the_seeds_facts(client):
    call_command("load_demo_content", stdout=None)
    page = ProgrammePage.objects.get(slug="national-working-group")
    body = soup_of(client.get(page.url)).select_one("article.page-body")
    figures = {
        figure.select_one(".key-figure__number").get_text(strip=True): figure.get_text(" ", strip=True)
        for figure in body.select(".key-figure")
    }
    assert "from September 2021" in figures["around 45"] and "Source:" in figures["around 45"]
    questions = [summary.get_text(strip=True) for summary in body.select(".accordion summary")]
    assert "Who can join the working group?" in questions
    toolkits = body.select(".cards-block .resource-card .card__meta")
    assert toolkits and all(meta.get_text(strip=True).startswith("Toolkit") for meta in toolkits)
