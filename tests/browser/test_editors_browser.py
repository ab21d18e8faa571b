"""Editor aids in a real browser: the accessibility checker's rules, and the footer statement links."""

import pytest

from core.models import FooterText
from core.wagtail_hooks import SiteContentCheckerItem
from tests.browser.conftest import assert_no_axe_violations
from tests.factories import ImageFactory, ProgrammePageFactory, build_home_page

pytestmark = pytest.mark.django_db(transaction=True)


def checker_violations(page, axe):
    """Run axe in the page with the configuration Wagtail's checker gets, as Wagtail's own script does."""
    config = SiteContentCheckerItem().get_axe_configuration(None)
    config = {key: config[key] for key in ("spec", "context", "options")}
    page.evaluate(axe.axe_script)
    return page.evaluate(
        """async (config) => {
            axe.configure(config.spec);
            const results = await axe.run(config.context, config.options);
            return results.violations.map((violation) => violation.id);
        }""",
        config,
    )


def test_checker_flags_a_second_h1_a_skipped_level_and_a_missing_alt(live_server, page, axe):
    home = build_home_page()
    broken = ProgrammePageFactory(
        parent=home,
        slug="broken",
        body=[
            ("paragraph", '<h2>Fine</h2><h4>Skips h3</h4><p><img src="/static/images/icon-192.png"></p>'),
            ("paragraph", "<p>An editor pasted another title:</p>"),
        ],
    )
    page.goto(live_server.url + broken.url)
    page.evaluate("document.querySelector('main .rich-text').insertAdjacentHTML('beforeend', '<h1>Second</h1>')")
    assert {"page-no-duplicate-h1", "heading-order", "image-alt"} <= set(checker_violations(page, axe))


def test_checker_passes_a_well_made_page(live_server, page, axe):
    home = build_home_page()
    good = ProgrammePageFactory(
        parent=home,
        slug="good",
        body=[
            ("heading", {"text": "Our mission", "level": "h2"}),
            ("paragraph", "<p>We help music services embed inclusion.</p>"),
            (
                "image",
                {"image": ImageFactory(), "alt_text": "A nurture group session", "decorative": False, "caption": ""},
            ),
        ],
    )
    page.goto(live_server.url + good.url)
    assert checker_violations(page, axe) == []


def test_footer_statement_links_are_accessible_and_reachable_by_keyboard(live_server, page, axe):
    home = build_home_page()
    statement = ProgrammePageFactory(parent=home, title="Accessibility statement", slug="accessibility")
    FooterText.objects.create(locale=home.locale, footer_links=[("link", {"page": statement, "label": ""})])
    page.goto(live_server.url + "/en/")
    assert_no_axe_violations(axe, page)
    link = page.get_by_role("navigation", name="About this website").get_by_role("link", name="Accessibility statement")
    assert link.bounding_box()["height"] >= 44
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/accessibility/")
