"""Logs operations staff can search: JSON lines on stdout with the request id; Sentry only when configured."""

import io
import json
import logging

import pytest

from core.observability import JSONFormatter
from tests.failures import run_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines(settings):
    """What the site's log handler writes (to stdout, outside the tests), as parsed JSON lines."""
    assert settings.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stdout"
    handler = next(h for h in logging.getLogger().handlers if isinstance(h.formatter, JSONFormatter))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


def test_each_request_is_logged_as_json_on_stdout_with_its_id(client, home_page, log_lines):
    response = client.get("/en/?q=private+words")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    access = [line for line in log_lines() if line["logger"] == "core.access"]
    assert access == [
        {
            "time": access[0]["time"],
            "level": "INFO",
            "logger": "core.access",
            "message": "GET /en/ 200",
            "request_id": request_id,
            "method": "GET",
            "path": "/en/",
            "status": 200,
            "duration_ms": access[0]["duration_ms"],
        }
    ]
    assert "private" not in json.dumps(access), "query strings stay out of the logs"


def test_a_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(client, home_page):
    assert client.get("/health/", HTTP_X_REQUEST_ID="lb-7f3a9c2e-0001")["X-Request-ID"] == "lb-7f3a9c2e-0001"
    replaced = client.get("/health/", HTTP_X_REQUEST_ID='"><script>alert(1)</script>')["X-Request-ID"]
    assert replaced.isalnum() and len(replaced) == 32


def test_log_lines_carry_the_request_id_extra_fields_and_tracebacks(client, log_lines):
    response = client.get("/health/", HTTP_X_REQUEST_ID="trace-me-12345")
    logging.getLogger("core.test").error("after the request")  # outside any request
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("core.test").exception("failed", extra={"scope": "enquiry", "count": 3})
    lines = log_lines()
    assert response.status_code == 200
    assert [line["request_id"] for line in lines if line["logger"] == "core.access"] == ["trace-me-12345"]
    after, failed = [line for line in lines if line["logger"] == "core.test"]
    assert after["request_id"] == "-"
    assert failed["level"] == "ERROR" and failed["scope"] == "enquiry" and failed["count"] == 3
    assert "ValueError: boom" in failed["exception"]


def test_the_formatter_writes_anything_it_is_given_as_text():
    record = logging.makeLogRecord({"msg": "x %s", "args": ("ü",), "name": "t", "levelname": "INFO", "obj": object()})
    entry = json.loads(JSONFormatter().format(record))
    assert entry["message"] == "x ü" and entry["obj"].startswith("<object object")


SENTRY_STATE = (
    "import json, sentry_sdk\n"
    "client = sentry_sdk.get_client()\n"
    "print('RESULT ' + json.dumps({'active': client.is_active(), 'dsn': client.dsn,"
    " 'pii': client.options['send_default_pii'], 'environment': client.options['environment'],"
    " 'django': 'django' in client.integrations}))\n"
)
PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "changingtracks.example",
}


def test_sentry_reports_errors_when_sentry_dsn_is_set():
    dsn = "https://publickey@127.0.0.1:9/1"
    result, _output = run_site(
        SENTRY_STATE,
        settings="changingtracks.settings.production",
        SENTRY_DSN=dsn,
        SENTRY_ENVIRONMENT="staging",
        **PRODUCTION,
    )
    assert json.loads(result) == {
        "active": True,
        "dsn": dsn,
        "pii": False,
        "environment": "staging",
        "django": True,
    }


def test_sentry_is_off_without_sentry_dsn():
    result, _output = run_site(SENTRY_STATE, settings="changingtracks.settings.production", SENTRY_DSN="", **PRODUCTION)
    assert json.loads(result)["active"] is False
