"""Error pages and refusals: clear messages, the right status, never a 500 by accident."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

ROOT = Path(__file__).resolve().parent.parent


def test_500_page_renders_without_the_database():
    # No django_db mark: pytest-django makes any database access here an error. LocaleMiddleware
    # would activate the address's language; an earlier test may have left Welsh active.
    with translation.override("en"):
        response = server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b'href="/"' in response.content


@pytest.mark.django_db
def test_unknown_host_gets_400_not_500(client, settings, home_page):
    settings.ALLOWED_HOSTS = ["changingtracks.example"]
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"Bad request" in response.content


def run_production(*args, **env):
    unwanted = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    environment.update(DJANGO_SETTINGS_MODULE="changingtracks.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_secret_key_and_allowed_hosts(missing):
    env = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "changingtracks.example"}
    del env[missing]
    result = run_production("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "k" * 40,
        ALLOWED_HOSTS="changingtracks.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
