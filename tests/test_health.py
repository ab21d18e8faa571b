"""/health/ says whether this server can serve the site, and names what is broken when it cannot."""

import json
import logging

import pytest

from tests.failures import REDIS_TEST_URL, closed_port, redis_cache, redis_is_up, run_site

pytestmark = pytest.mark.django_db


def test_healthy_with_the_database_and_no_cache_server(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "failed": [], "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthy_with_redis(client, settings):
    if not redis_is_up():
        pytest.skip(f"Redis is not running at {REDIS_TEST_URL} (.ci/run starts it)")
    settings.CACHES = redis_cache(REDIS_TEST_URL)
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}


def test_redis_down_keeps_the_server_ready_but_degraded_and_logs_a_warning(client, settings, caplog):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    with caplog.at_level(logging.WARNING, logger="core.health"):
        response = client.get("/health/ready/")
    assert response.status_code == 200, "pages still serve, so the load balancer must keep this server"
    assert response.json() == {
        "status": "degraded",
        "failed": ["cache"],
        "checks": {"database": "ok", "cache": "failed"},
    }
    (record,) = [record for record in caplog.records if record.name == "core.health"]
    assert record.levelname == "WARNING" and record.getMessage() == "Health check failed: cache"
    assert client.get("/health/").json() == response.json(), "/health/ is the readiness check"
    assert client.get("/health/live/").status_code == 200


def test_liveness_says_only_that_the_process_answers(client):
    response = client.get("/health/live/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/health/", "/health/ready/", "/health/live/"])
def test_only_get(client, path):
    assert client.post(path).status_code == 405


def test_database_down_health_says_503_and_pages_get_the_error_page():
    """A real site process whose PostgreSQL refuses connections."""
    code = (
        "import json\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "health = client.get('/health/ready/')\n"
        "live = client.get('/health/live/')\n"
        "page = client.get('/en/')\n"
        "print('RESULT ' + json.dumps({'health': [health.status_code, health.json()],"
        " 'live': live.status_code, 'page': [page.status_code, page.content.decode()]}))\n"
    )
    result, output = run_site(code, DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port()}/changingtracks")
    result = json.loads(result)
    assert result["health"] == [
        503,
        {"status": "unavailable", "failed": ["database"], "checks": {"database": "failed"}},
    ]
    assert result["live"] == 200, "the process itself is fine: nothing should restart it"
    status, html = result["page"]
    assert status == 500
    assert "<h1>Sorry, something went wrong</h1>" in html
    assert "Health check failed: database" in output, "the failure is logged"
