"""The partner directory and a profile in a real browser: keyboard alone, and no axe violations."""

import pytest

from demo.resources import load_taxonomy
from partners.models import PartnerRoleKind
from taxonomy.models import Region
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import (
    ImageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PartnerRoleFactory,
    build_home_page,
)

pytestmark = pytest.mark.django_db(transaction=True)

PARTNERS = [
    ("Essex", "east-of-england", PartnerRoleKind.ACTION_RESEARCH_PARTNER),
    ("Norfolk", "east-of-england", PartnerRoleKind.NWG_MEMBER),
    ("Hull", "yorkshire-and-the-humber", PartnerRoleKind.ACTION_RESEARCH_PARTNER),
    ("Ealing", "london", PartnerRoleKind.NWG_MEMBER),
]


@pytest.fixture
def directory(transactional_db):
    home = build_home_page()
    load_taxonomy()
    directory = PartnerIndexPageFactory(parent=home)
    for title, region, role in PARTNERS:
        partner = PartnerPageFactory(parent=directory, title=title, region=Region.objects.get(slug=region))
        PartnerRoleFactory(page=partner, role=role, start_year=2018, end_year=2019)
    profile = PartnerPageFactory(
        parent=directory,
        title="Hertfordshire Music Service",
        region=Region.objects.get(slug="east-of-england"),
        logo=ImageFactory(),
        local_authority_area="Hertfordshire",
        website="https://example.org/",
        why_involved="<p>To reach young people who were missing out.</p>",
        project_title="Nurture groups",
        project_start_year=2021,
        project_focus="Small music groups in primary schools.",
    )
    PartnerRoleFactory(page=profile, role=PartnerRoleKind.PROGRAMME_LEAD, start_year=2018)
    return directory, profile


def tab_to(page, condition, limit=120):
    """Press Tab until the focused element matches a JavaScript condition on `el`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => Boolean({condition}))(document.activeElement)"):
            return page.locator(":focus")
    raise AssertionError(f"never reached an element where {condition}")


def listed(page):
    return page.locator(".partner-list .card__title a").all_inner_texts()


def test_directory_and_profile_have_no_axe_violations(live_server, page, axe, directory):
    page.goto(live_server.url + "/en/partners/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/en/partners/?year=nineteen&region=london")
    assert page.locator(".error-summary").is_visible()
    assert_no_axe_violations(axe, page)
    page.goto(live_server.url + "/en/partners/hertfordshire-music-service/")
    assert page.locator("h1").inner_text() == "Hertfordshire Music Service"
    assert_no_axe_violations(axe, page)


def test_directory_on_a_phone_has_no_axe_violations(live_server, page, axe, directory):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/en/partners/?role=action-research-partner")
    assert_no_axe_violations(axe, page)


def test_keyboard_user_filters_the_directory_follows_the_map_and_removes_a_filter(live_server, page, directory):
    page.goto(live_server.url + "/en/partners/")

    tab_to(page, "el.id === 'id_region_5'")  # East of England, the sixth region
    page.keyboard.press("Space")
    assert page.locator("#id_region_5").is_checked()
    tab_to(page, "el.textContent.trim() === 'Show partners'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/partners/?*region=east-of-england*")
    assert listed(page) == ["Essex", "Hertfordshire Music Service", "Norfolk"]
    assert page.locator("#partner-results-heading").inner_text() == "3 partners"

    page.locator("body").focus()
    london = tab_to(page, "el.getAttribute('aria-label') === 'London: 1 partner'")
    assert page.evaluate("document.activeElement.closest('svg') !== null"), "the map's tile, not the list's link"
    assert london.evaluate("el => getComputedStyle(el).outlineStyle") != "none", "a visible focus on the tile"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/partners/?region=london")
    assert listed(page) == ["Ealing"]

    tab_to(page, "el.classList.contains('chip')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/partners/?")
    assert len(listed(page)) == 5
