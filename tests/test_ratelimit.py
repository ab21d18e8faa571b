"""Rate limits per client address: a friendly 429 page, the same for everyone behind the same address."""

import types

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core import ratelimit
from core.ratelimit import RateLimitedPageMixin, client_ip

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.security_urls")]

LIMITED = "/test/limited/"


def get(client, address="198.51.100.20", **headers):
    return client.get(LIMITED, REMOTE_ADDR=address, **headers)


def test_a_client_over_the_limit_gets_the_friendly_429_page(client):
    assert [get(client).status_code for _ in range(3)] == [200, 200, 200]
    response = get(client)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "no-store"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Too many requests"
    assert "Please try again in 1 minute." in soup.main.get_text(" ", strip=True)
    assert soup.html["lang"] == "en-GB"
    assert soup.select_one("link[rel=stylesheet]")["href"].endswith("css/site.css")
    assert response["Content-Security-Policy"]


def test_other_clients_are_not_affected(client):
    for _ in range(4):
        get(client, address="198.51.100.20")
    assert get(client, address="198.51.100.21").status_code == 200


def test_only_the_listed_methods_count(client):
    for _ in range(5):
        client.post(LIMITED, REMOTE_ADDR="198.51.100.20")
    assert get(client).status_code == 200


def test_the_limit_lifts_when_the_window_ends(client, monkeypatch):
    clock = types.SimpleNamespace(time=lambda: 1_000_020.0)
    monkeypatch.setattr(ratelimit, "time", clock)
    for _ in range(4):
        get(client)
    assert get(client).status_code == 429
    clock.time = lambda: 1_000_080.0
    assert get(client).status_code == 200


def test_addresses_in_one_ipv6_64_share_a_limit(client):
    for host in range(1, 4):
        assert get(client, address=f"2001:db8:1:2::{host}").status_code == 200
    assert get(client, address="2001:db8:1:2:ffff::9").status_code == 429
    assert get(client, address="2001:db8:1:3::1").status_code == 200


def test_forwarded_addresses_are_ignored_without_trusted_proxies(client):
    for number in range(3):
        get(client, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    assert get(client, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_proxy_the_address_it_saw_counts_and_forged_ones_do_not(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for number in range(3):
        # A client forging X-Forwarded-For: the proxy appends the real address.
        get(client, address=proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.7")
    assert get(client, address=proxy, HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.7").status_code == 429
    assert get(client, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.1", "198.51.100.1"),
        (1, "192.0.2.1, 203.0.113.1", "203.0.113.1"),
        (2, "192.0.2.1, 203.0.113.1, 10.0.0.9", "203.0.113.1"),
        (2, "203.0.113.1", "198.51.100.1"),  # fewer hops than proxies: misconfigured, use the peer
        (1, "not-an-address", "198.51.100.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


class FormPage:
    def serve(self, request, *args, **kwargs):
        return HttpResponse("thank you")


class LimitedFormPage(RateLimitedPageMixin, FormPage):
    rate_limit_scope = "test-form"
    rate_limit = 2


def test_a_page_with_the_mixin_limits_posts_but_never_reading():
    page = LimitedFormPage()
    factory = RequestFactory()
    post = factory.post("/en/contact/", REMOTE_ADDR="198.51.100.30")
    assert [page.serve(post).status_code for _ in range(3)] == [200, 200, 429]
    assert page.serve(factory.get("/en/contact/", REMOTE_ADDR="198.51.100.30")).status_code == 200


def test_search_autocomplete_is_limited_per_address_and_its_script_gets_json(client):
    url = reverse("search_autocomplete")
    ask = {"HTTP_ACCEPT": "application/json", "REMOTE_ADDR": "198.51.100.40"}
    assert {client.get(url, {"q": "mu"}, **ask).status_code for _ in range(120)} == {200}
    response = client.get(url, {"q": "mus"}, **ask)
    assert response.status_code == 429
    assert response.json() == {"error": "too many requests", "retry_after": int(response["Retry-After"])}
    assert client.get(url, {"q": "mus"}, HTTP_ACCEPT="application/json", REMOTE_ADDR="198.51.100.41").status_code == 200


def test_search_is_limited_per_address(client, home_page):
    url = reverse("search")
    assert {client.get(url, {"q": "music"}, REMOTE_ADDR="198.51.100.50").status_code for _ in range(60)} == {200}
    refused = client.get(url, {"q": "music"}, REMOTE_ADDR="198.51.100.50")
    assert refused.status_code == 429 and "Retry-After" in refused
    assert client.get(url, {"q": "music"}, REMOTE_ADDR="198.51.100.51").status_code == 200
