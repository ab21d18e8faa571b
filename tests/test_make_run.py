"""`make run` that a person can read: the login details last, in a box; plain log lines in development."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def ensure_admin(monkeypatch, **environment):
    for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    output = io.StringIO()
    call_command("ensure_admin", "--base-url", "http://127.0.0.1:8000", stdout=output)
    return output.getvalue().splitlines()


def test_the_addresses_user_and_password_come_last_in_a_box(monkeypatch):
    lines = ensure_admin(monkeypatch)
    assert lines[0] == lines[-1] and set(lines[0]) == {"+", "-"}, "a ruled box"
    inside = [line.strip("| ").split(None, 1) for line in lines[1:-1]]
    assert [line[0] for line in inside] == ["The", "The", "User:", "Password:"]
    assert lines[1].strip("| ") == "The site:   http://127.0.0.1:8000/en/"
    assert lines[2].strip("| ") == "The admin:  http://127.0.0.1:8000/admin/"
    assert lines[3].strip("| ") == "User:       admin"
    password = lines[4].strip("| ").removeprefix("Password:").strip().split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert len({len(line) for line in lines}) == 1, "the box's sides line up"

    again = ensure_admin(monkeypatch)
    assert "unchanged" in again[4] and password not in "\n".join(again), "a password is shown only once"


def test_a_password_from_the_environment_is_never_printed(monkeypatch):
    lines = ensure_admin(monkeypatch, DJANGO_SUPERUSER_USERNAME="lead", DJANGO_SUPERUSER_PASSWORD="s3cret-from-env")
    assert "from DJANGO_SUPERUSER_PASSWORD" in lines[4]
    assert "s3cret-from-env" not in "\n".join(lines)
    assert get_user_model().objects.get(username="lead").check_password("s3cret-from-env")


def log_a_request_under(settings_module):
    """What one access-log line looks like on stdout under the given settings module."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('core.access').info('%s %s %s', 'GET', '/en/', 200, extra={'status': 200})"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "SECRET_KEY": "test-only"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_development_request_logs_are_plain_lines_and_production_keeps_json():
    line = log_a_request_under("changingtracks.settings.dev")
    assert line.endswith(" INFO core.access: GET /en/ 200"), line
    assert not line.startswith("{")
    assert json.loads(log_a_request_under("changingtracks.settings.base"))["message"] == "GET /en/ 200"
