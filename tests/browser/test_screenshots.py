"""Every public page type as a person sees it, compared with the screenshots committed in baselines/.

Each page of the demo is photographed in Chromium, full page, at a phone's, a tablet's and a
desktop's width, and compared pixel by pixel with its baseline PNG (see `compare`). A failure
writes the actual screenshot and a diff image (differing pixels in magenta over a faded baseline)
to tests/browser/screenshot-failures/, which git ignores, and names both in its message.

To accept a change on purpose, run `make screenshots`: it sets UPDATE_SCREENSHOTS=1, and this
module then writes the baselines instead of comparing. CI never sets it (and refuses it).

What would make two runs differ is removed rather than tolerated:
- the demo's blog posts are dated counting back from the day it is loaded; they are moved to
  count back from FIXED_TODAY instead, keeping their order and spacing;
- the demo's events are dated from the day it is loaded, and which of them are upcoming depends
  on the time: the whole test runs with Django's clock stopped at FIXED_NOW;
- the demo's pictures are drawn from fixed seeds (demo/helpers.py) and served from MEDIA_ROOT;
- lazy images are made eager and decoded, web fonts awaited (document.fonts.ready), animations
  and transitions stopped and the text caret hidden (Playwright's screenshot options);
- CSRF tokens and CSP nonces change every time but are never visible;
- search results are masked (see MASKS): their order depends on the database's ranking.
"""

import io
import mimetypes
import os
from datetime import UTC, date, datetime
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageChops, ImageOps
from PIL.PngImagePlugin import PngInfo
from wagtail.models import Page, get_page_models

from tests.public_urls import NOT_FOUND_PATH, load_demo_site, one_live_page_per_type

HERE = Path(__file__).parent
BASELINES = HERE / "baselines"
FAILURES = HERE / "screenshot-failures"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"

WIDTHS = (390, 768, 1280)
VIEWPORT_HEIGHT = 900
# Only the top of a long page is kept, so the baselines stay small; the whole page's height is
# recorded in the PNG and compared too.
MAX_HEIGHT = 3000
# A pixel differs when one of its channels differs by more than this (of 255): anti-aliasing
# and image encoding wobble by a few levels, a changed colour moves by many more.
CHANNEL_THRESHOLD = 24
# A screenshot fails when more than this fraction of its pixels differ: 0.02%, 230 pixels of a phone's
# first 3,000 px. Two runs, or SQLite and PostgreSQL, give the very same pixels; one line of
# card meta text turned red is some 0.1%.
MAX_DIFFERENT_FRACTION = 0.0002
# And when the page's height differs by more than this many pixels.
HEIGHT_TOLERANCE = 4
FIXED_TODAY = date(2026, 1, 15)
FIXED_NOW = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)

# Page types, by model, each shown as its first live page in the demo's tree.
PAGE_TYPES = {
    "home": "home.homepage",
    "programme": "home.programmepage",
    "resource-index": "resources.resourceindexpage",
    "resource": "resources.resourcepage",
    "partner-index": "partners.partnerindexpage",
    "partner": "partners.partnerpage",
    "blog-index": "blog.blogindexpage",
    "blog-post": "blog.blogpage",
    "enquiry-form": "home.enquiryformpage",
    "event-index": "events.eventindexpage",
    "event": "events.eventpage",
}
# Public views that are not pages, by URL.
VIEWS = {
    "search": lambda: reverse("search") + "?q=nurture+groups",
    "enews-signup": lambda: reverse("newsletter:signup"),
    "not-found": lambda: NOT_FOUND_PATH,
}
NAMES = [*PAGE_TYPES, *VIEWS]
# Regions painted over (in magenta) before comparing, by screenshot name. Search ranks its results
# differently on SQLite (FTS5) and PostgreSQL (ts_rank), so the same results come in another order;
# the results count and the filters above them are still compared.
MASKS = {"search": ".search-results"}

# Every image loaded now (lazy ones too) and decoded, and the web fonts ready.
SETTLE = """async () => {
    for (const img of document.images) img.loading = "eager";
    await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
    await document.fonts.ready;
}"""


pytestmark = pytest.mark.django_db(transaction=True)


def fix_blog_dates():
    """Posts dated as if the demo had been loaded on FIXED_TODAY, in the same order and spacing."""
    from blog.models import BlogPage

    newest = BlogPage.objects.order_by("-date").values_list("date", flat=True).first()
    for post in BlogPage.objects.all():
        post.date += FIXED_TODAY - newest
        post.save(update_fields=["date"])


def demo_paths():
    """{name: path} of every screenshot, in the demo."""
    pages = {page._meta.label_lower: page.url for page in one_live_page_per_type().values()}
    return {
        **{name: pages[label] for name, label in PAGE_TYPES.items()},
        **{name: url() for name, url in VIEWS.items()},
    }


def serve_media(route):
    """/media/ from MEDIA_ROOT, as the reverse proxy does in production (the live server does not)."""
    path = Path(settings.MEDIA_ROOT) / urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
    if path.is_file():
        route.fulfill(path=path, content_type=mimetypes.guess_type(path.name)[0])
    else:
        route.fulfill(status=404)


def screenshot(browser, url, width, mask=None):
    """The page at url as an image no taller than MAX_HEIGHT, and the whole page's height."""
    context = browser.new_context(
        viewport={"width": width, "height": VIEWPORT_HEIGHT},
        device_scale_factor=1,
        locale="en-GB",
        timezone_id="Europe/London",
        color_scheme="light",
        reduced_motion="reduce",
    )
    try:
        page = context.new_page()
        page.route(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}{settings.MEDIA_URL}**", serve_media)
        page.goto(url, wait_until="networkidle")
        page.evaluate(SETTLE)
        height = page.evaluate("document.documentElement.scrollHeight")
        full_width = page.evaluate("document.documentElement.scrollWidth")
        clip = {"x": 0, "y": 0, "width": full_width, "height": min(height, MAX_HEIGHT)}
        masks = [page.locator(mask)] if mask else []
        png = page.screenshot(full_page=True, clip=clip, animations="disabled", caret="hide", mask=masks)
        return Image.open(io.BytesIO(png)).convert("RGB"), height
    finally:
        context.close()


def save_png(image, path, page_height):
    """The screenshot in at most 256 colours (the site's flat colours survive, in a third of the bytes)."""
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    info = PngInfo()
    info.add_text("page-height", str(page_height))
    in_palette(image, palette).save(path, optimize=True, pnginfo=info)


def in_palette(image, palette):
    """Each pixel of image as the nearest colour of palette (an image in palette mode)."""
    return image.quantize(palette=palette, dither=Image.Dither.NONE)


def compare(baseline, baseline_height, actual, actual_height):
    """What differs between two screenshots, in words (empty when they match), and a diff image."""
    problems = []
    if abs(actual_height - baseline_height) > HEIGHT_TOLERANCE:
        problems.append(f"the page is {actual_height} px tall, the baseline {baseline_height} px")
    if actual.width != baseline.width:
        problems.append(f"the page is {actual.width} px wide, the baseline {baseline.width} px")
    # Compare what both cover; rows or columns only one of them has count as different.
    size = (max(actual.width, baseline.width), max(actual.height, baseline.height))
    padded_actual = Image.new("RGB", size, "black")
    padded_actual.paste(actual)
    padded_baseline = Image.new("RGB", size, "white")
    padded_baseline.paste(baseline)
    channels = ImageChops.difference(padded_actual, padded_baseline).split()
    over = [channel.point(lambda level: 255 if level > CHANNEL_THRESHOLD else 0) for channel in channels]
    mask = ImageChops.lighter(ImageChops.lighter(over[0], over[1]), over[2])
    different = mask.histogram()[255]
    fraction = different / (size[0] * size[1])
    if fraction > MAX_DIFFERENT_FRACTION:
        problems.append(
            f"{different} pixels ({fraction:.2%}) differ by more than {CHANNEL_THRESHOLD} levels,"
            f" more than the {MAX_DIFFERENT_FRACTION:.2%} allowed"
        )
    faded = Image.blend(ImageOps.grayscale(padded_baseline).convert("RGB"), Image.new("RGB", size, "white"), 0.7)
    diff = Image.composite(Image.new("RGB", size, (255, 0, 255)), faded, mask)
    return problems, diff


def test_every_page_type_has_screenshots():
    page_types = {model._meta.label_lower for model in get_page_models() if model is not Page}
    missing = page_types - set(PAGE_TYPES.values())
    assert not missing, f"page types with no screenshots (add them to PAGE_TYPES): {sorted(missing)}"


def test_every_baseline_belongs_to_a_screenshot():
    expected = {f"{name}-{width}.png" for name in NAMES for width in WIDTHS}
    stale = sorted(path.name for path in BASELINES.glob("*.png") if path.name not in expected)
    assert not stale, f"baselines no test compares (delete them): {stale}"


def check(name, width, path, actual, height):
    """What is wrong with one screenshot, in words with the paths of its diff and actual images; None if nothing."""
    baseline_path = BASELINES / f"{name}-{width}.png"
    if UPDATE:
        BASELINES.mkdir(exist_ok=True)
        save_png(actual, baseline_path, height)
        return None
    if not baseline_path.exists():
        return f"{name} at {width} px: no baseline {baseline_path.name}"
    with Image.open(baseline_path) as baseline:
        # Mapped to the baseline's colours, an unchanged page gives the baseline's very pixels.
        actual_in_palette = in_palette(actual, baseline).convert("RGB")
        problems, diff = compare(baseline.convert("RGB"), int(baseline.text["page-height"]), actual_in_palette, height)
    if not problems:
        return None
    FAILURES.mkdir(exist_ok=True)
    actual_path, diff_path = FAILURES / f"{name}-{width}.actual.png", FAILURES / f"{name}-{width}.diff.png"
    actual.save(actual_path)
    diff.save(diff_path)
    return f"{name} ({path}) at {width} px: {'; '.join(problems)}\n    diff:   {diff_path}\n    actual: {actual_path}"


def test_every_page_looks_as_committed(live_server, browser):
    """All the screenshots in one test, so that the demo is loaded once (it takes most of a minute)."""
    assert not (UPDATE and os.environ.get("CI")), "UPDATE_SCREENSHOTS=1 in CI: baselines are updated only on purpose"
    with mock.patch("django.utils.timezone.now", return_value=FIXED_NOW):
        check_every_page(live_server, browser)


def check_every_page(live_server, browser):
    load_demo_site()
    fix_blog_dates()
    with translation.override("en"):  # an earlier test may have left Welsh active, which reverse() follows
        paths = demo_paths()
    failures = []
    for name, path in paths.items():
        for width in WIDTHS:
            actual, height = screenshot(browser, live_server.url + path, width, MASKS.get(name))
            failures.append(check(name, width, path, actual, height))
    failures = [failure for failure in failures if failure]
    assert not failures, (
        f"{len(failures)} screenshots differ from tests/browser/baselines/:\n  "
        + "\n  ".join(failures)
        + "\nIf the change is intended, run `make screenshots` and commit the new baselines."
    )
