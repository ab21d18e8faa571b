"""Editor aids: content review dates, the dashboard, reminder emails, help text and the accessibility checker."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks, hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Page, get_page_models

from core.blocks import BaseStreamBlock
from core.models import ReviewMixin
from core.review import review_page_models
from core.wagtail_hooks import ActivityList, SiteContentCheckerItem, use_site_content_checker
from home.models import ProgrammePage
from partners.models import PartnerPage
from resources.models import ResourcePage
from tests.factories import ProgrammePageFactory, ResourceIndexPageFactory, ResourcePageFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_MONTH = TODAY - datetime.timedelta(days=30)
NEXT_MONTH = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def owner(db):
    return UserFactory(first_name="Sam", email="sam@example.org", groups=["Editors"])


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def review_rows(soup):
    panel = soup.select_one("#review-due-section") or soup.find(id="review-due-content")
    if panel is None:
        return []
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in panel.select("tbody tr")]


def test_programme_resource_and_partner_pages_are_discovered_as_review_page_types():
    assert {ProgrammePage, ResourcePage, PartnerPage} <= set(review_page_models())
    assert all(issubclass(model, ReviewMixin) for model in review_page_models())
    assert {model for model in get_page_models() if issubclass(model, ReviewMixin)} == set(review_page_models())


def test_dashboard_lists_live_pages_due_for_review_with_their_owner(client, home_page, owner):
    ProgrammePageFactory(parent=home_page, title="Action research", next_review_date=LAST_MONTH, review_owner=owner)
    ProgrammePageFactory(parent=home_page, title="Due today", next_review_date=TODAY)
    ProgrammePageFactory(parent=home_page, title="Not yet", next_review_date=NEXT_MONTH, review_owner=owner)
    ProgrammePageFactory(parent=home_page, title="Draft", next_review_date=LAST_MONTH, live=False)
    client.force_login(owner)
    rows = review_rows(dashboard(client))
    assert rows == [
        ["Action research", "Programme page", "Sam", LAST_MONTH.strftime("%-d %B %Y")],
        ["Due today", "Programme page", "No owner", TODAY.strftime("%-d %B %Y")],
    ]


def test_dashboard_has_no_review_panel_when_nothing_is_due(client, home_page, owner):
    ProgrammePageFactory(parent=home_page, next_review_date=NEXT_MONTH)
    client.force_login(owner)
    assert "Pages due for review" not in dashboard(client).get_text()


@pytest.mark.parametrize("due", [3, 30])
def test_review_panel_queries_do_not_grow_with_pages(admin_client, home_page, due, django_db_blocker):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            admin_client.get(reverse("wagtailadmin_home"))
        return len(queries)

    ProgrammePageFactory(parent=home_page, next_review_date=LAST_MONTH)
    admin_client.get(reverse("wagtailadmin_home"))  # after the publish: caches the site and Wagtail's lookups
    baseline = count_queries()
    for number in range(due - 1):
        ProgrammePageFactory(parent=home_page, title=f"Due {number}", next_review_date=LAST_MONTH)
    assert len(review_rows(dashboard(admin_client))) == due
    assert count_queries() == baseline


def test_other_apps_add_their_sign_ups_through_the_activity_hook(admin_client, home_page):
    def sign_ups(request):
        return ActivityList(
            slug="sign-ups",
            heading="Newest enews sign-ups",
            rows=[("Confirmed sign-up", "enews", timezone.now(), "/admin/newsletter/")],
        )

    with hooks.register_temporarily("dashboard_recent_activity", sign_ups):
        panel = dashboard(admin_client).find(id="recent-sign-ups-content")
    assert panel.select_one("tbody a")["href"] == "/admin/newsletter/"


def test_reminder_emails_each_owner_once_with_their_pages(home_page, owner):
    other = UserFactory(email="alex@example.org")
    ProgrammePageFactory(parent=home_page, title="Action research", next_review_date=LAST_MONTH, review_owner=owner)
    ProgrammePageFactory(parent=home_page, title="HEARD", next_review_date=TODAY, review_owner=owner)
    ProgrammePageFactory(parent=home_page, title="Training", next_review_date=LAST_MONTH, review_owner=other)
    ProgrammePageFactory(parent=home_page, title="Not yet", next_review_date=NEXT_MONTH, review_owner=other)
    ProgrammePageFactory(parent=home_page, title="Nobody's", next_review_date=LAST_MONTH)
    output = io.StringIO()
    call_command("send_review_reminders", stdout=output)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"sam@example.org", "alex@example.org"}
    sam = by_recipient["sam@example.org"]
    assert sam.subject == "2 pages due for review"
    assert "Hello Sam," in sam.body
    assert "Action research" in sam.body and "HEARD" in sam.body and "Training" not in sam.body
    edit_url = "http://testserver" + reverse(
        "wagtailadmin_pages:edit", args=[ProgrammePage.objects.get(title="HEARD").pk]
    )
    assert edit_url in sam.body
    alex = by_recipient["alex@example.org"]
    assert alex.subject == "1 page due for review"
    assert "Not yet" not in alex.body
    assert "1 page(s) due for review have no owner with an email address." in output.getvalue()


def test_a_resource_due_for_review_is_on_the_dashboard_and_in_its_owners_reminder(client, home_page, owner):
    library = ResourceIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=library, title="Nurture groups toolkit", next_review_date=LAST_MONTH, review_owner=owner)
    ResourcePageFactory(parent=library, title="Checked recently", next_review_date=NEXT_MONTH, review_owner=owner)
    client.force_login(owner)
    assert review_rows(dashboard(client)) == [
        ["Nurture groups toolkit", "Resource", "Sam", LAST_MONTH.strftime("%-d %B %Y")]
    ]
    call_command("send_review_reminders", stdout=io.StringIO())
    [reminder] = mail.outbox
    assert reminder.subject == "1 page due for review"
    assert "Nurture groups toolkit" in reminder.body and "Checked recently" not in reminder.body


def test_reminder_dry_run_sends_nothing(home_page, owner):
    ProgrammePageFactory(parent=home_page, next_review_date=LAST_MONTH, review_owner=owner)
    output = io.StringIO()
    call_command("send_review_reminders", "--dry-run", stdout=output)
    assert mail.outbox == []
    assert "sam@example.org: 1 page(s)" in output.getvalue()


def test_content_review_listing_sorts_by_next_review_date(admin_client, home_page, owner):
    ProgrammePageFactory(parent=home_page, title="Later", next_review_date=NEXT_MONTH, review_owner=owner)
    ProgrammePageFactory(parent=home_page, title="Sooner", next_review_date=LAST_MONTH)
    response = admin_client.get("/admin/review_programmepage/", {"ordering": "next_review_date"})
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    assert "Owner" in headers and "Next review" in headers
    links = [link.get_text(strip=True) for link in soup.select("tbody td.title a[href*='/edit/']")]
    assert [text for text in links if text != "Edit"] == ["Sooner", "Later"]
    sidebar = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Content review" in sidebar and "/admin/review_programmepage/" in sidebar, "in the admin menu"


@pytest.mark.parametrize("page_type", ["programme", "resource"])
def test_review_fields_are_in_the_settings_tab_with_help_text(admin_client, home_page, page_type):
    if page_type == "programme":
        page = ProgrammePageFactory(parent=home_page)
    else:
        page = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page))
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser")
    settings_tab = soup.select_one("#tab-settings")
    for name in ["review_owner", "next_review_date"]:
        wrapper = settings_tab.select_one(f"[data-contentpath={name}]")
        assert wrapper.select_one("[data-field-help]").get_text(strip=True)


@pytest.mark.parametrize("page_type", ["homepage", "programmepage"])
def test_every_field_an_editor_sees_has_help_text(admin_client, home_page, page_type):
    parent = Page.get_first_root_node() if page_type == "homepage" else home_page
    if page_type == "homepage":
        home_page.delete()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=("home", page_type, parent.pk)))
    soup = BeautifulSoup(response.content, "html.parser")
    fields = soup.select("[data-field-wrapper]")
    assert len(fields) > 10
    for wrapper in fields:
        help_text = wrapper.select_one("[data-field-help]")
        assert help_text and help_text.get_text(strip=True), wrapper.select_one("label").get_text(strip=True)


def child_blocks(block):
    for name, child in getattr(block, "child_blocks", {}).items():
        yield name, child
        yield from child_blocks(child)


def test_every_block_and_sub_block_has_help_text_or_a_description():
    for name, block in child_blocks(BaseStreamBlock()):
        if isinstance(block, blocks.StructBlock):
            assert getattr(block.meta, "help_text", None) or block.meta.description, f"{name} has no help text"
        else:
            assert block.field.help_text, f"{name} has no help text"


def test_accessibility_checker_uses_the_sites_rules(admin_client, programme_page):
    items = [ContentCheckerItem(in_editor=True)]
    use_site_content_checker(None, items, programme_page)
    assert isinstance(items[0], SiteContentCheckerItem) and items[0].in_editor
    config = items[0].get_axe_configuration(None)
    assert {"heading-order", "image-alt", "page-has-heading-one", "page-no-duplicate-h1", "alt-text-quality"} <= set(
        config["options"]["runOnly"]
    )
    check = next(check for check in config["spec"]["checks"] if check["id"] == "page-no-duplicate-h1")
    assert check["options"] == {"selector": "h1"}

    # The page editor's checks panel gets the same configuration.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[programme_page.pk]))
    assert b"page-no-duplicate-h1" in response.content
