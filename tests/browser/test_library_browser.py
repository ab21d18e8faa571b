"""The library and search in a real browser: keyboard only, with and without JavaScript, checked by axe."""

import datetime
import re

import pytest

from resources.models import ResourceDownload
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import (
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTypeFactory,
    TopicFactory,
    build_home_page,
    pdf_document,
)

pytestmark = pytest.mark.django_db(transaction=True)

MAX_TABS = 80


@pytest.fixture
def library(transactional_db):
    home = build_home_page()
    library = ResourceIndexPageFactory(parent=home)
    toolkit, report = ResourceTypeFactory(name="Toolkit"), ResourceTypeFactory(name="Report")
    nurture, funding = TopicFactory(name="Nurture groups"), TopicFactory(name="Funding")
    document = pdf_document("Nurture groups toolkit", "A nurture group session plan checklist.")
    ResourcePageFactory(
        parent=library,
        title="Nurture groups toolkit",
        summary="For music services and primary schools setting up a nurture group.",
        resource_type=toolkit,
        topics=[nurture],
        heard_holistic=True,
        publication_date=datetime.date(2023, 9, 1),
        downloads=[ResourceDownload(document=document, label="The toolkit")],
    )
    ResourcePageFactory(
        parent=library,
        title="Funding inclusion work",
        summary="The free peer working groups and action research funding open to music services.",
        resource_type=report,
        topics=[funding],
        heard_equitable=True,
        publication_date=datetime.date(2022, 9, 1),
    )
    return library


def tab_to(page, predicate, description):
    """Press Tab until the focused element matches the JavaScript predicate (given `element`)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {description}")


def test_keyboard_user_filters_the_library_opens_a_resource_and_finds_its_download(live_server, page, library):
    page.goto(live_server.url + "/en/resources/")
    tab_to(page, "element.id === 'filter-topic-nurture-groups'", "the Nurture groups filter")
    page.keyboard.press("Space")  # the script submits the form as soon as a filter is ticked
    page.wait_for_url(re.compile(r"topic=nurture-groups"))
    page.wait_for_load_state("domcontentloaded")
    assert page.evaluate("document.activeElement.id") == "filter-topic-nurture-groups", "focus stays on the filter"
    assert page.locator(".library__results .card__title a").all_inner_texts() == ["Nurture groups toolkit"]
    assert page.locator(".chips .chip").inner_text().startswith("Topic: Nurture groups")

    tab_to(page, "element.textContent.trim() === 'Nurture groups toolkit'", "the first result")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/resources/nurture-groups-toolkit/")
    assert page.locator("h1").inner_text() == "Nurture groups toolkit"

    tab_to(page, "element.hasAttribute('download')", "the download link")
    link_text = " ".join(page.evaluate("document.activeElement.textContent").split())
    assert re.fullmatch(r"The toolkit \(PDF, [\d.]+ (bytes|KB)\)", link_text), link_text
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "nurture-groups-toolkit.pdf"


def test_filters_work_with_the_keyboard_and_no_javascript(live_server, browser, library):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/resources/")
    tab_to(page, "element.id === 'filter-type-report'", "the Report filter")
    page.keyboard.press("Space")
    tab_to(page, "element.textContent.trim() === 'Show resources'", "the Show resources button")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"type=report"))
    assert page.locator(".library__results .card__title a").all_inner_texts() == ["Funding inclusion work"]
    context.close()


def test_library_resource_and_results_pages_have_no_axe_violations(live_server, page, axe, library):
    page.goto(live_server.url + "/en/resources/?topic=nurture-groups&q=nurture")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/en/resources/nurture-groups-toolkit/")
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/en/search/?q=nurture")
    assert page.locator(".search-results li").count() == 1
    assert_no_axe_violations(axe, page)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/en/resources/")
    assert_no_axe_violations(axe, page)


def test_search_suggestions_work_from_the_keyboard(live_server, page, axe, library):
    page.goto(live_server.url + "/en/")
    search_box = page.locator("#site-search-query")
    search_box.focus()
    page.keyboard.type("nurt")
    option = page.get_by_role("option", name=re.compile("Nurture groups toolkit"))
    option.wait_for()
    assert search_box.get_attribute("aria-expanded") == "true"
    assert_no_axe_violations(axe, page)

    page.keyboard.press("ArrowDown")
    assert search_box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert search_box.get_attribute("aria-expanded") == "false"
    assert search_box.input_value() == "nurt", "Escape closes the list and keeps the words"

    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/resources/nurture-groups-toolkit/")

    page.goto(live_server.url + "/en/")
    page.locator("#site-search-query").focus()
    page.keyboard.type("funding")
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")  # no suggestion chosen: an ordinary search
    page.wait_for_url(re.compile(r"/en/search/\?q=funding"))
    assert page.locator(".search-results .card__title a").all_inner_texts() == ["Funding inclusion work"]
