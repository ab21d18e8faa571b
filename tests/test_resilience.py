"""When the parts around the site fail (cache, mail), visitors and editors still get what they came for."""

import asyncio
import io
import logging
import time
from datetime import date

import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images import get_image_model

from core.ratelimit import rate_limit_response
from home.models import ProgrammePage
from tests.factories import ProgrammePageFactory
from tests.failures import REDIS_TEST_URL, closed_port, redis_cache, redis_is_up, silent_server
from tests.public_urls import load_demo_site, public_paths
from tests.test_editor import programme_form

pytestmark = pytest.mark.django_db


def assert_site_serves_every_public_url(client):
    for name, path in public_paths().items():
        response = client.get(path)
        expected = 404 if name == "not found" else 200
        assert response.status_code == expected, (name, path, response.status_code)


def test_redis_unreachable_pages_are_served_from_the_database_and_the_error_logged(client, settings, caplog):
    load_demo_site()
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    with caplog.at_level(logging.ERROR, logger="caching.redis"):
        assert_site_serves_every_public_url(client)
    assert "Cache unavailable (ConnectionError" in caplog.text


def test_image_files_missing_from_storage_do_not_take_pages_down(client):
    load_demo_site()
    for image in get_image_model().objects.all():
        image.file.storage.delete(image.file.name)
    assert_site_serves_every_public_url(client)


def test_redis_that_never_answers_costs_one_short_timeout_not_one_per_call(client, settings, caplog, home_page):
    with silent_server() as port:
        settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0")
        started = time.monotonic()
        with caplog.at_level(logging.ERROR, logger="caching.redis"):
            responses = [client.get("/en/") for _ in range(5)]
        elapsed = time.monotonic() - started
    assert [response.status_code for response in responses] == [200] * 5
    assert "Cache unavailable (TimeoutError" in caplog.text
    assert elapsed < 3, f"five pages took {elapsed:.1f}s with a silent Redis"


def test_every_cache_operation_is_a_miss_not_an_error_when_redis_is_down(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    assert cache.get("key", "default") == "default"
    assert cache.set("key", 1) is None
    assert cache.add("key", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete_many(["a"]) is None
    assert cache.delete("key") is False
    assert cache.touch("key") is False
    assert cache.has_key("key") is False
    assert cache.get_or_set("key", 7) == 7
    assert cache.clear() is False
    assert asyncio.run(cache.aget("key", "default")) == "default"
    for counter in (cache.incr, cache.decr):
        with pytest.raises(ValueError):
            counter("key")


def test_rate_limits_let_requests_through_when_the_cache_is_down(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")
    request = RequestFactory().post("/en/contact/")
    assert all(rate_limit_response(request, "test", limit=1, period=60) is None for _ in range(5))


def test_with_redis_up_the_site_uses_it(client, settings, home_page):
    if not redis_is_up():
        pytest.skip(f"Redis is not running at {REDIS_TEST_URL} (.ci/run starts it)")
    settings.CACHES = redis_cache(REDIS_TEST_URL, prefix="ct-security-tests-up")
    server = redis.Redis.from_url(REDIS_TEST_URL)
    server.delete(*server.keys("ct-security-tests-up:*") or ["-"])
    assert client.get("/en/").status_code == 200
    keys = server.keys("ct-security-tests-up:*")
    assert any(b"wagtail_site_root_paths" in key for key in keys), keys
    server.delete(*keys)


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2


def test_mail_down_password_reset_still_says_check_your_email_and_logs(client, mail_server_down, caplog):
    get_user_model().objects.create_user("maya", "maya@example.org", "correct-horse-battery-staple")
    with caplog.at_level(logging.ERROR):
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": "maya@example.org"}, follow=True)
    assert response.status_code == 200
    assert b"Check your email" in response.content
    assert "Failed to send password reset email" in caplog.text


def test_mail_down_an_editors_page_still_goes_to_moderation(client, mail_server_down, caplog, programme_page):
    editor = get_user_model().objects.create_user("sam", "sam@example.org", "correct-horse-battery-staple")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = get_user_model().objects.create_user("kit", "kit@example.org", "correct-horse-battery-staple")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)
    form = programme_form(title="About us, revised", slug="about", **{"action-submit": "submit"})
    with caplog.at_level(logging.ERROR):
        response = client.post(reverse("wagtailadmin_pages:edit", args=(programme_page.pk,)), form)
    assert response.status_code == 302
    page = ProgrammePage.objects.get(pk=programme_page.pk)
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == "About us, revised"
    assert "Mail connection error" in caplog.text


def test_mail_down_review_reminders_fail_loudly_for_cron_and_log_each_owner(mail_server_down, caplog, home_page):
    owners = [get_user_model().objects.create_user(name, f"{name}@example.org") for name in ("ada", "ben")]
    for owner in owners:
        ProgrammePageFactory(parent=home_page, next_review_date=date(2020, 1, 1), review_owner=owner)
    with caplog.at_level(logging.ERROR), pytest.raises(CommandError, match="2 reminder"):
        call_command("send_review_reminders", stdout=io.StringIO())
    assert caplog.text.count("Could not send a review reminder") == 2


def test_one_refused_address_does_not_stop_the_other_reminders(settings, mailoutbox, home_page):
    settings.EMAIL_BACKEND = "tests.failures.RefusingEmailBackend"
    bounced = get_user_model().objects.create_user("old", "old@bounce.example")
    owner = get_user_model().objects.create_user("ada", "ada@example.org")
    ProgrammePageFactory(parent=home_page, title="Old", next_review_date=date(2020, 1, 1), review_owner=bounced)
    ProgrammePageFactory(parent=home_page, title="Ada's", next_review_date=date(2020, 1, 2), review_owner=owner)
    with pytest.raises(CommandError, match="1 reminder"):
        call_command("send_review_reminders", stdout=io.StringIO())
    assert [message.to for message in mailoutbox] == [["ada@example.org"]]
