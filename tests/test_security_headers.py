"""Security headers on every public response, on every page type the demo builds."""

import json
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.documents import get_document_model

from core.blocks import video_embed_address
from core.security import ContentSecurityPolicyMiddleware
from tests.public_urls import load_demo_site, one_live_page_per_type, public_paths
from tests.test_errors import run_production

pytestmark = pytest.mark.django_db

VIDEO_HOSTS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com"}


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def assert_public_headers(response):
    csp = csp_directives(response)
    assert csp["default-src"] == {"'self'"}
    assert csp["script-src"] == {"'self'"}, "no inline or eval'd scripts on public pages"
    assert csp["style-src"] == {"'self'"}
    assert csp["object-src"] == {"'none'"}
    assert csp["base-uri"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["frame-src"] == VIDEO_HOSTS
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert 'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")' in policy
    assert response["X-Request-ID"]


@pytest.fixture
def demo_site(db):
    load_demo_site()


def test_every_public_url_sends_the_security_headers(client, demo_site):
    paths = public_paths()
    assert {"page:home.homepage", "page:home.programmepage"} <= set(paths), paths
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, path, response.status_code)
        assert_public_headers(response)


def test_public_pages_have_no_inline_script_style_or_event_handler(client, demo_site):
    """The strict policy would block them: every page type must work without."""
    for page in one_live_page_per_type().values():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        for script in soup.find_all("script"):
            # Data blocks (JSON, JSON-LD) are never run, so the policy does not apply to them.
            is_data = script.get("type") in ("application/json", "application/ld+json")
            assert script.get("src") or is_data, (page.url, str(script)[:200])
        assert not soup.find_all("style"), page.url
        assert not soup.select("[style]"), page.url
        handlers = [(tag.name, attr) for tag in soup.find_all(True) for attr in tag.attrs if attr.startswith("on")]
        assert not handlers, (page.url, handlers)


def test_error_pages_send_the_security_headers(client, settings):
    settings.ALLOWED_HOSTS = ["changingtracks.example"]
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_public_headers(response)


def test_admin_policy_allows_wagtails_inline_code_but_keeps_frames_to_the_site(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    csp = csp_directives(response)
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-src"] == {"'self'"} | VIDEO_HOSTS
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["object-src"] == {"'none'"}
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "camera=()" in response["Permissions-Policy"]


def test_a_nonce_is_added_to_the_policy_when_a_template_uses_one():
    request = RequestFactory().get("/en/")
    middleware = ContentSecurityPolicyMiddleware(lambda request: None)
    middleware.process_request(request)
    nonce = str(request.csp_nonce)  # what {{ request.csp_nonce }} renders
    response = middleware.process_response(request, HttpResponse())
    assert f"'nonce-{nonce}'" in csp_directives(response)["script-src"]
    assert "'unsafe-inline'" not in csp_directives(response)["script-src"]


def test_documents_carry_their_own_policy_and_nosniff(client, home_page):
    document = get_document_model().objects.create(title="Toolkit", file=ContentFile(b"a,b\n1,2\n", name="toolkit.csv"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_production_sends_hsts_and_upgrades_insecure_requests(tmp_path):
    code = (
        "import json; from django.test import Client; "
        "r = Client().get('/health/', secure=True, HTTP_HOST='changingtracks.example'); "
        "print('RESULT ' + json.dumps(dict(r.headers)))"
    )
    result = run_production(
        "shell",
        "-c",
        code,
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="changingtracks.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    headers = json.loads(line.removeprefix("RESULT "))
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["https://youtu.be/jNQXAC9IVRw", "https://vimeo.com/76979871"])
def test_the_video_block_players_are_allowed_frames_and_nothing_else(client, home_page, url):
    player = urlparse(video_embed_address(url))
    assert csp_directives(client.get("/en/"))["frame-src"] == VIDEO_HOSTS
    assert f"{player.scheme}://{player.netloc}" in VIDEO_HOSTS
