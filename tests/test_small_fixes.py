"""Small hardening fixes: absurd page numbers, TRACE, secret links in logs, unknown hosts in logs."""

import io
import json
import logging

import pytest
from django.http import Http404

from core.observability import JSONFormatter
from core.paging import paginate

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the site's JSON log handler writes, as parsed lines."""
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JSONFormatter))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


@pytest.mark.parametrize("number", ["9" * 4301, "1" * 8, "1000001"])
def test_absurd_page_numbers_are_a_404(rf, number):
    with pytest.raises(Http404):
        paginate(rf.get("/", {"page": number}), list(range(25)), per_page=10)


def test_a_page_number_past_the_end_still_shows_the_last_page(rf):
    assert paginate(rf.get("/", {"page": "999999"}), list(range(25)), per_page=10).number == 3


@pytest.mark.parametrize("method", ["TRACE", "TRACK", "CONNECT"])
def test_trace_and_other_echo_methods_are_refused(client, home_page, method):
    response = client.generic(method, "/en/")
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_enews_tokens_never_reach_the_logs(client, home_page, log_lines):
    client.get("/en/enews/confirm/SECRETTOKEN123/")
    client.get("/en/enews/unsubscribe/OTHERSECRET456/")
    text = json.dumps(log_lines())
    assert "SECRETTOKEN123" not in text and "OTHERSECRET456" not in text
    paths = [line["path"] for line in log_lines() if line["logger"] == "core.access"]
    assert paths == ["/en/enews/confirm/[redacted]/", "/en/enews/unsubscribe/[redacted]/"]


def test_an_unknown_host_is_a_warning_without_a_traceback(client, log_lines):
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    (line,) = [line for line in log_lines() if line["logger"] == "django.security.DisallowedHost"]
    assert line["level"] == "WARNING"
    assert "exception" not in line and "evil.example" in line["message"]
