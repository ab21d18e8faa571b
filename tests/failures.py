"""Ways for the parts around the site to fail, on this machine only: closed ports and a server that never answers."""

import os
import smtplib
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import redis
from django.core.mail.backends import locmem

ROOT = Path(__file__).resolve().parent.parent
# Tests that need a real Redis use database 4 and their own key prefix.
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/4")


def closed_port():
    """A local port nothing listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def silent_server():
    """A local port that accepts connections and never answers: every read times out."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


def redis_cache(url, prefix="ct-security-tests"):
    return {"default": {"BACKEND": "caching.redis.ResilientRedisCache", "LOCATION": url, "KEY_PREFIX": prefix}}


def redis_is_up(url=REDIS_TEST_URL):
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def run_site(code, settings="changingtracks.settings.test", **env):
    """Run Python code with the site set up in a fresh process (to give it a broken database, say).

    The code's last printed line starting with RESULT is returned, after the prefix.
    """
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, **env}
    script = f"import django; django.setup()\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    return lines[-1].removeprefix("RESULT "), result.stdout


class RefusingEmailBackend(locmem.EmailBackend):
    """Django's test outbox, except that the mail server refuses addresses at bounce.example."""

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.recipients() if address.endswith("@bounce.example")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"No such user")))
        return super().send_messages(messages)
