"""Editors and Moderators, logged in, doing their jobs through Wagtail's real admin views."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site, Workflow

from core.models import FooterSettings
from home.models import ProgrammePage
from taxonomy.models import Topic
from tests.factories import ProgrammePageFactory, UserFactory
from tests.test_editor import add_url, programme_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=["Editors"]))
    return client


@pytest.fixture
def moderator(db):
    return UserFactory(groups=["Moderators"])


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_migration_gives_each_role_exactly_its_permissions():
    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert codenames("Editors") == {
        "access_admin",
        "submit_translation",
        "view_resourcetype",
        "view_topic",
        "view_audience",
        "view_region",
        "add_person",
        "change_person",
        "view_person",
        "view_subscriber",
    }
    moderator_extra = codenames("Moderators") - codenames("Editors")
    assert {"add_redirect", "delete_redirect", "change_footersettings", "add_topic", "delete_region"} <= moderator_extra
    assert {"delete_person", "delete_subscriber", "change_newslettersettings"} <= moderator_extra
    assert not {codename for codename in codenames("Moderators") if "user" in codename or "group" in codename}
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.workflow_pages.get().page.is_root()
    assert [task.specific.groups.get().name for task in workflow.tasks.all()] == ["Moderators"]


def submit_for_moderation(client, parent, **overrides):
    response = client.post(add_url(parent), programme_form(**{"action-submit": "submit", **overrides}))
    assert response.status_code == 302, response.content[:500]
    return ProgrammePage.objects.get(slug="nurture-groups")


def test_editor_submits_a_page_for_moderation_and_cannot_publish_it(editor_client, home_page):
    page = submit_for_moderation(editor_client, home_page)
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Moderators approval"

    page.current_workflow_state.cancel(user=page.owner)
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), programme_form(**{"action-publish": "publish"})
    )
    page.refresh_from_db()
    assert response.status_code in (200, 302)
    assert not page.live, "an editor's publish request must not publish"


def test_editor_cannot_approve_but_a_moderator_can(client, editor_client, home_page, moderator):
    page = submit_for_moderation(editor_client, home_page)
    task_state = page.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])

    assert_refused(editor_client.post(approve, {"comment": ""}))
    page.refresh_from_db()
    assert not page.live

    client.force_login(moderator)
    client.post(approve, {"comment": "Checked the facts."})
    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress
    assert client.get(page.url).status_code == 200


def test_moderator_publishes_directly(moderator_client, home_page):
    response = moderator_client.post(add_url(home_page), programme_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    assert ProgrammePage.objects.get(slug="nurture-groups").live


@pytest.mark.parametrize(
    "url_name,args",
    [
        ("wagtailredirects:index", []),
        ("wagtailredirects:add", []),
        ("wagtailsnippets_taxonomy_topic:add", []),
        ("wagtailusers_users:index", []),
    ],
)
def test_editor_is_refused_moderator_tools(editor_client, home_page, url_name, args):
    assert_refused(editor_client.get(reverse(url_name, args=args)))


def assert_refused(response):
    """Wagtail refuses with a 403 or by sending the user back to the dashboard with a message."""
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")


def footer_settings_url():
    return reverse("wagtailsettings:edit", args=["core", "footersettings", Site.objects.get(is_default_site=True).pk])


def test_editor_cannot_change_site_settings(editor_client, home_page):
    assert_refused(editor_client.post(footer_settings_url(), {"contact_email": "someone@example.org"}))
    assert FooterSettings.for_site(Site.objects.get(is_default_site=True)).contact_email == ""


def test_moderator_manages_redirects_taxonomy_and_settings(moderator_client, home_page):
    about = ProgrammePageFactory(parent=home_page, slug="about")
    response = moderator_client.post(
        reverse("wagtailredirects:add"),
        {"old_path": "/about-us/", "site": "", "is_permanent": "on", "redirect_page": about.pk, "redirect_link": ""},
    )
    assert response.status_code == 302
    assert Redirect.objects.get(old_path="/about-us").redirect_page_id == about.pk

    response = moderator_client.post(
        reverse("wagtailsnippets_taxonomy_topic:add"),
        {"name": "Youth voice", "slug": "youth-voice", "description": "", "sort_order": 10, "locale": 1},
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="youth-voice").exists()

    response = moderator_client.get(footer_settings_url())
    assert response.status_code == 200
    assert_refused(moderator_client.get(reverse("wagtailusers_users:index")))


def test_scheduled_page_goes_live_and_expires_with_publish_scheduled(moderator_client, home_page):
    go_live = timezone.now() + timedelta(days=2)
    response = moderator_client.post(
        add_url(home_page),
        programme_form(
            **{"action-publish": "publish", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
        ),
    )
    assert response.status_code == 302
    page = ProgrammePage.objects.get(slug="nurture-groups")
    assert not page.live
    revision = page.scheduled_revision
    assert revision is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "nothing happens before the go-live date"

    # Two days later: the go-live time has passed.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live

    ProgrammePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired


def emails_to(address):
    return [message.subject for message in mail.outbox if address in message.to]


def test_moderation_sends_one_email_per_event_to_each_person(client, editor_client, home_page, moderator):
    superuser = UserFactory(is_superuser=True, groups=["Moderators"], email="lead@example.org")
    outsider = UserFactory(is_superuser=True, email="developer@example.org")
    editor = UserFactory(groups=["Editors"], email="writer@example.org")
    editor_client.force_login(editor)
    page = submit_for_moderation(editor_client, home_page)
    assert len(emails_to(moderator.email)) == 1, emails_to(moderator.email)
    assert len(emails_to(superuser.email)) == 1, emails_to(superuser.email)
    assert emails_to(editor.email) == emails_to(outsider.email) == []

    mail.outbox.clear()
    task_state = page.current_workflow_task_state
    client.force_login(moderator)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(approve, {"comment": ""})
    assert len(emails_to(editor.email)) == 1, "the writer hears that the page was approved"
    assert emails_to(moderator.email) == emails_to(superuser.email) == []


def test_approving_from_the_dashboard_says_the_page_is_published(client, editor_client, home_page, moderator):
    page = submit_for_moderation(editor_client, home_page)
    task_state = page.current_workflow_task_state
    client.force_login(moderator)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(approve, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["step"] == "success"
    shown = client.get(response.json()["redirect"])
    assert "“Nurture groups” is approved and published." in shown.content.decode()


def test_approving_from_the_page_editor_says_the_page_is_published(client, editor_client, home_page, moderator):
    page = submit_for_moderation(editor_client, home_page)
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        programme_form(**{"action-workflow-action": "true", "workflow-action-name": "approve"}),
        follow=True,
    )
    page.refresh_from_db()
    assert page.live
    assert "“Nurture groups” is approved and published." in response.content.decode()
