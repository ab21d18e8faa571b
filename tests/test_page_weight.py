"""Front-end weight: what every public page links stays small, blocks nothing, and keeps its layout still.

Sizes are of the files in static/ compressed with gzip -9, as whitenoise serves them. The home
page's whole transfer, images included, is measured in a real browser in
tests/browser/test_page_weight_browser.py.
"""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.public_urls import load_demo_site, public_paths

pytestmark = pytest.mark.django_db

LIMITS = {"css": 30 * 1024, "js": 15 * 1024}


def static_file(url):
    """The file in static/ a /static/ URL serves; an address elsewhere is a third-party request."""
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of the site's own static files"
    return Path(finders.find(url.removeprefix(settings.STATIC_URL)))


def compressed_size(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def linked_files(soup):
    """{"css": [...], "js": [...]}: the stylesheets and scripts a page makes the browser fetch."""
    return {
        "css": [static_file(link["href"]) for link in soup.select("link[rel~=stylesheet]")],
        "js": [static_file(script["src"]) for script in soup.select("script[src]")],
    }


def weight_problems(html):
    """What in a page's HTML would make it heavy, slow to first paint or shift as it loads."""
    soup = BeautifulSoup(html, "html.parser")
    files = linked_files(soup)
    problems = [
        f"{kind}: {sum(map(compressed_size, paths))} bytes compressed, over {LIMITS[kind]}"
        for kind, paths in files.items()
        if sum(map(compressed_size, paths)) > LIMITS[kind]
    ]
    problems += [f"{script['src']} blocks rendering" for script in soup.select("script[src]:not([defer], [async])")]
    for path in files["css"]:
        css = path.read_text()
        if len(re.findall(r"@font-face", css)) > len(re.findall(r"font-display\s*:", css)):
            problems.append(f"{path.name}: a @font-face without font-display")
    problems += [
        f"<img src={img.get('src')}> has no width and height" for img in soup.select("img:not([width][height])")
    ]
    return problems


def test_every_public_page_links_little_css_and_javascript_and_sizes_its_images(client):
    load_demo_site()
    paths = {name: path for name, path in public_paths().items() if name != "health"}
    pages = {name: client.get(path) for name, path in paths.items()}
    assert {name: response.status_code for name, response in pages.items() if response.status_code != 200} == {
        "not found": 404
    }
    problems = {name: weight_problems(response.content.decode()) for name, response in pages.items()}
    assert {name: found for name, found in problems.items() if found} == {}

    home = BeautifulSoup(pages["page:home.homepage"].content, "html.parser")
    files = linked_files(home)
    assert {path.name for path in files["css"]} >= {"site.css"} and {path.name for path in files["js"]} >= {"site.js"}
    assert home.select("main img[width][height]"), "the demo home page shows its hero image"


def test_the_weight_check_finds_heavy_blocking_and_unsized_content():
    stylesheet = settings.BASE_DIR / "static" / "css" / "site.css"
    html = f"""<link rel="stylesheet" href="{settings.STATIC_URL}css/site.css">
        <script src="{settings.STATIC_URL}js/site.js"></script>
        <img src="/media/images/hero.jpg" alt="">"""
    assert weight_problems(html) == [
        f"{settings.STATIC_URL}js/site.js blocks rendering",
        "<img src=/media/images/hero.jpg> has no width and height",
    ]
    with pytest.raises(AssertionError, match="not one of the site's own static files"):
        weight_problems('<script src="https://cdn.example.com/tracker.js" defer></script>')
    heavy = "".join(f'<link rel="stylesheet" href="{settings.STATIC_URL}css/site.css">' for _ in range(30))
    assert weight_problems(heavy) == [f"css: {30 * compressed_size(stylesheet)} bytes compressed, over {30 * 1024}"]
