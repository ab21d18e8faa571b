"""Styled error pages for 400, 403, 404, 429 and 500, each with the right status and a way back."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security_urls")]


def page_parts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        "h1": [h1.get_text(strip=True) for h1 in soup.find_all("h1")],
        "lang": soup.html["lang"],
        "stylesheet": soup.select_one("link[rel=stylesheet]")["href"],
        "home_link": bool(soup.select_one("main a[href='/'], main a[href='/en/']")),
        "noindex": bool(soup.select_one("meta[name=robots][content*=noindex]")),
    }


def assert_styled(response, status, heading):
    assert response.status_code == status
    parts = page_parts(response)
    assert parts["h1"] == [heading]
    assert parts["stylesheet"].endswith("css/site.css")
    assert parts["home_link"] and parts["noindex"]
    assert parts["lang"] == "en-GB"


def test_400(client, settings, home_page):
    settings.ALLOWED_HOSTS = ["changingtracks.example"]
    assert_styled(client.get("/en/", HTTP_HOST="evil.example"), 400, "Bad request")


def test_403(client, home_page):
    assert_styled(client.get("/test/forbidden/"), 403, "Access denied")


def test_403_for_a_form_sent_without_its_security_token(home_page):
    response = Client(enforce_csrf_checks=True).post("/en/", {"name": "Sam"})
    assert_styled(response, 403, "Your form has expired")
    assert b"reload the page and send the form again" in response.content


def test_404(client, home_page):
    assert_styled(client.get("/en/no-such-page/"), 404, "Page not found")


def test_429(client, home_page):
    for _ in range(4):
        response = client.get("/test/limited/")
    assert_styled(response, 429, "Too many requests")


def test_500_is_styled_logged_and_traceable_by_request_id(home_page, caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/test/broken/", HTTP_X_REQUEST_ID="visitor-report-1234")
    assert_styled(response, 500, "Sorry, something went wrong")
    assert response["X-Request-ID"] == "visitor-report-1234"
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)
