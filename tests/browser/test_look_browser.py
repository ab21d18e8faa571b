"""How the demo site looks and behaves in Chromium on a phone, a tablet and a desktop: what a person
would notice, measured in the page (issue 17). Loading the demo is slow, so each test loads it once
and looks at many pages."""

import re
import time

import pytest

from tests.public_urls import load_demo_site, public_paths

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
SMALLEST = {"width": 320, "height": 640}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 900}

# Elements wider than the viewport, or reaching past either side of it, as "tag.class: left..right".
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")].filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (style.position === "absolute" && (box.width <= 1 || style.clipPath !== "none")) return false;
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
    }).map((element) => {
        const box = element.getBoundingClientRect();
        return `${element.tagName.toLowerCase()}.${element.className}: ${box.left}..${box.right}`;
    });
}"""

# Content cut off inside a box that hides its overflow (visually hidden text, 1px and clipped, aside).
CLIPPED = """() => [...document.querySelectorAll("body *")].filter((element) => {
    const style = getComputedStyle(element);
    const hides = [style.overflowX, style.overflowY].some((value) => value === "hidden" || value === "clip");
    if (!hides || element.clientWidth <= 1 || style.clipPath !== "none") return false;
    return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
}).map((element) => `${element.tagName.toLowerCase()}.${element.className} cuts off its content`)"""

# Images shown larger than their file: rendered CSS width x devicePixelRatio above the file's width.
UPSCALED = """() => [...document.images].filter((image) => {
    const source = image.currentSrc || image.src;
    if (!image.complete || image.naturalWidth === 0 || /\\.svg($|\\?)/.test(source)) return false;
    return image.getBoundingClientRect().width * devicePixelRatio > image.naturalWidth + 1;
}).map((image) => {
    const shown = image.getBoundingClientRect().width;
    return `${image.currentSrc}: ${image.naturalWidth}px file at ${shown}px x ${devicePixelRatio}`;
})"""

# How an element shows focus: its outline and box shadow, what a sighted keyboard user would see change.
FOCUS_STYLE = """(element) => {
    const style = getComputedStyle(element);
    return {outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth), shadow: style.boxShadow};
}"""


# The sum of the layout shifts since the page started loading, not counting those after input (CLS).
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    const observer = new PerformanceObserver((entries) => {
        entries.getEntries().forEach((shift) => { if (!shift.hadRecentInput) total += shift.value; });
    });
    observer.observe({type: "layout-shift", buffered: true});
    setTimeout(() => { observer.disconnect(); resolve(total); }, 200);
})"""


def shows_focus(before, after):
    """A ring of at least 2px (outline or box shadow) that was not there before focus."""
    return after != before and (after["outline"] >= 2 or after["shadow"] != "none")


def demo_paths():
    load_demo_site()
    paths = public_paths()
    del paths["health"]
    return paths


def new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    context.set_default_timeout(90_000)  # the first view of each page builds its fragments and renditions
    return context.new_page()


LISTINGS = [
    ("/en/resources/", ".library__count", "#library-results .card", "#library-filters"),
    ("/en/partners/", "#partner-results-heading", ".partner-list .card", "#partner-filters"),
    ("/en/blog/", ".listing__count", ".card-list--posts .card", "#blog-filters"),
    ("/en/events/", ".library__count", "#event-results .card", "#event-filters"),
]


def check_menu_disclosure(page, url):
    page.goto(url)
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 0.25 * PHONE["height"], f"header {header['height']}px tall"
    menu = page.locator("#site-menu")
    toggle = page.get_by_role("button", name="Menu")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and menu.is_visible()
    page.get_by_role("link", name="Resources", exact=True).focus()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-menu"
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Working group", exact=True).click()
    assert page.locator("h1").inner_text() == "National Music Services Working Group for Inclusion"


def check_listing_on_a_phone(page, url, count, first_result, filters):
    """Results count and first result on the first screen; the filters behind a "Filters" disclosure."""
    page.goto(url)
    assert not page.locator(filters).is_visible()
    assert re.match(r"\d+ ", page.locator(count).inner_text())
    assert page.locator(count).bounding_box()["y"] < PHONE["height"]
    first = page.locator(first_result).first.bounding_box()
    assert first["y"] + 80 < PHONE["height"], f"{url}: the first result starts at {first['y']}px"
    page.get_by_role("button", name="Filters").click()
    assert page.locator(filters).is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(filters).is_visible()


def header_controls_without_visible_focus(page):
    controls = page.locator("header a:visible, header button:visible, header input:visible")
    assert controls.count() >= 10
    unchanged = []
    for index in range(controls.count()):
        control = controls.nth(index)
        page.locator("main").focus()
        before = control.evaluate(FOCUS_STYLE)
        page.keyboard.press("Shift")  # the last input was the keyboard: focus is then :focus-visible
        control.focus()
        if not shows_focus(before, control.evaluate(FOCUS_STYLE)):
            unchanged.append(control.evaluate("(element) => element.outerHTML.slice(0, 80)"))
    return unchanged


def check_home_to_enquiry_form(page, url):
    page.goto(url)
    page.locator("header").get_by_role("link", name="Can we help you?").click()
    assert page.locator("h1").inner_text() == "Can we help you?"
    assert page.get_by_label("Your email address").is_visible()
    page.goto(url)
    page.locator("main").get_by_role("link", name="Tell us what you need").click()
    assert page.locator("h1").inner_text() == "Can we help you?"


def layout_shift_while_site_js_loads(page, url):
    """The page's layout shift when site.js arrives after the first paint, as on a slow phone.

    The web font is held off, so that the fallback font stays: its swap moves the header's text
    a little (about 0.03) whenever the font arrives after the first paint, which this does not test.
    """
    page.route(re.compile(r"/js/site\.(\w+\.)?js$"), lambda route: (time.sleep(0.5), route.continue_()))
    page.route(re.compile(r"\.woff2$"), lambda route: route.abort())
    page.goto(url)
    page.wait_for_load_state("load")
    page.unroute_all()
    return page.evaluate(LAYOUT_SHIFT)


def test_on_a_phone_menu_and_filters_are_disclosures_and_results_come_first(live_server, browser):
    demo_paths()
    page = new_page(browser, PHONE)
    for path in ["/en/", *(listing[0] for listing in LISTINGS)]:
        assert layout_shift_while_site_js_loads(page, live_server.url + path) < 0.01, path
    check_menu_disclosure(page, live_server.url + "/en/")
    for path, count, first_result, filters in LISTINGS:
        check_listing_on_a_phone(page, live_server.url + path, count, first_result, filters)
    check_home_to_enquiry_form(page, live_server.url + "/en/")
    page.goto(live_server.url + "/en/")
    page.get_by_role("button", name="Menu").press("Enter")
    assert header_controls_without_visible_focus(page) == []
    page.context.close()

    page = new_page(browser, PHONE, java_script_enabled=False)
    page.goto(live_server.url + "/en/resources/")
    assert page.locator("#site-menu").is_visible() and page.locator("#library-filters").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert not page.get_by_role("button", name="Filters").is_visible()
    page.context.close()


def zoom_text(page, percent):
    """The browser's own text size setting (Chromium's default font size), as a person with low
    vision sets it: unlike CSS on the page, it also moves the stylesheet's em breakpoints."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * percent // 100, "fixed": 13 * percent // 100}})


def test_every_page_type_reflows_at_320_px_and_200_percent_text_without_upscaled_images(live_server, browser):
    paths = demo_paths()
    problems = {}
    # The last pass is a desktop window with the browser's text size at 200% (WCAG 1.4.4).
    for viewport, text_size in ((SMALLEST, 100), (PHONE, 100), (DESKTOP, 100), (DESKTOP, 200)):
        page = new_page(browser, viewport)
        zoom_text(page, text_size)
        for name, path in paths.items():
            page.goto(live_server.url + path)
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load the lazy images
            page.wait_for_load_state("networkidle")
            found = page.evaluate(UPSCALED)
            found += page.evaluate(OVERFLOWING) + page.evaluate(CLIPPED)
            if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
                found.append("the page scrolls sideways")
            if page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") < 16 * text_size / 100:
                found.append(f"the text is smaller than {text_size}%")
            if found:
                problems[f"{name} at {viewport['width']}px, text {text_size}%"] = found
        page.context.close()
    assert problems == {}

    for viewport, columns in ((DESKTOP, 3), (TABLET, 2), (PHONE, 1)):
        page = new_page(browser, viewport)
        for path, cards in (("/en/resources/", "#library-results .card"), ("/en/blog/", ".card-list--posts .card")):
            page.goto(live_server.url + path)
            lefts = page.locator(cards).evaluate_all(
                "(cards) => cards.map((card) => card.getBoundingClientRect().left)"
            )
            assert len(set(lefts)) == columns, f"{path} at {viewport['width']}px: {sorted(set(lefts))}"
        page.context.close()

    page = new_page(browser, DESKTOP)
    page.goto(live_server.url + "/en/")
    assert header_controls_without_visible_focus(page) == []
    check_home_to_enquiry_form(page, live_server.url + "/en/")
    page.context.close()
