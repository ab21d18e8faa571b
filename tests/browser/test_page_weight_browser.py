"""The demo home page on a phone: everything it transfers, images included, and whether its layout moves."""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.public_urls import load_demo_site

pytestmark = pytest.mark.django_db(transaction=True)

HOME_PAGE_LIMIT = 150 * 1024
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile screen

# The sum of layout shifts the page has had (not caused by input), read after it settles.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 1000);
})"""


def serve_media(route):
    """/media/images/ from MEDIA_ROOT, as the reverse proxy does in production (the test server does not)."""
    path = Path(settings.MEDIA_ROOT) / urlsplit(route.request.url).path.removeprefix(settings.MEDIA_URL)
    if path.is_file():
        route.fulfill(path=path, content_type=mimetypes.guess_type(path.name)[0])
    else:
        route.fulfill(status=404)


def transferred(request):
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def test_the_home_page_on_a_phone_transfers_at_most_150_kb_and_does_not_shift(live_server, browser):
    load_demo_site()
    context = browser.new_context(viewport=PHONE, device_scale_factor=1.75, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.route(f"{live_server.url}{settings.MEDIA_URL}images/**", serve_media)
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(live_server.url + "/en/", wait_until="networkidle")
    shift = page.evaluate(LAYOUT_SHIFT)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # let lazy images below the fold load too
    page.wait_for_load_state("networkidle")

    sizes = {request.url: transferred(request) for request in responses}
    images = {url: size for url, size in sizes.items() if "/media/images/" in url}
    context.close()
    assert all(url.startswith(live_server.url) for url in sizes), "a third-party request"
    assert images and all(images.values()), f"the hero image did not load: {images}"
    assert any(url.endswith(".avif") for url in images), "Chromium should get AVIF"
    total = sum(sizes.values())
    assert total <= HOME_PAGE_LIMIT, f"{total} bytes: {sizes}"
    assert shift == 0
    print(f"home page: {total} bytes in {len(sizes)} requests, images {sum(images.values())}, layout shift {shift}")
