"""Wagtail hooks: serving pages only in their own language; the editors' admin (dashboard panels,
the accessibility checker's rules, page listings)."""

from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, UserColumn
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import twofactor
from core.i18n import serves_in_active_language
from core.models import FooterText
from core.review import pages_due_for_review, review_page_models

DASHBOARD_ACTIVITY_LIMIT = 5


class SiteContentCheckerItem(ContentCheckerItem):
    """Wagtail's accessibility checker with the rules this site's templates and blocks rely on.

    The template gives every page its one h1 (the title), so content must add no
    other h1 and its headings start at h2 without skipping levels; every
    meaningful image needs alt text.
    """

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "page-has-heading-one",
        "page-no-duplicate-h1",
        "document-title",
        "duplicate-id-aria",
    ]
    axe_custom_rules = [
        *ContentCheckerItem.axe_custom_rules,
        {
            "id": "page-no-duplicate-h1",
            "impact": "serious",
            "selector": "h1",
            "matches": "is-initiator-matches",
            "tags": ["best-practice"],
            "any": ["page-no-duplicate-h1"],
            "enabled": True,
        },
    ]
    # axe's own "only one of these on the page" check, pointed at h1.
    axe_custom_checks = [
        *ContentCheckerItem.axe_custom_checks,
        {
            "id": "page-no-duplicate-h1",
            "evaluate": "page-no-duplicate-evaluate",
            "after": "page-no-duplicate-after",
            "options": {"selector": "h1"},
        },
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "heading-order": {
            "error_name": _("Incorrect heading hierarchy"),
            "help_text": _("The page title is the h1: start your headings at h2 and do not skip levels"),
        },
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _("Describe the image in a sentence, or mark it as decorative"),
        },
        "page-has-heading-one": {
            "error_name": _("The page has no main heading"),
            "help_text": _("Give the page a title: the template shows it as the h1"),
        },
        "page-no-duplicate-h1": {
            "error_name": _("More than one main heading (h1)"),
            "help_text": _("The page title is the only h1: use h2 for the sections of your content"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_site_content_checker(request, items, page):
    """Swap Wagtail's checker for the site's, in the userbar, the preview and the editor's checks panel."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[index] = SiteContentCheckerItem(in_editor=item.in_editor)


class ReviewDuePanel(Component):
    """Pages whose next review date has come, with their owners, for the editors who can fix them."""

    name = "review_due"
    template_name = "core/admin/review_due_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["pages"] = [page for page in pages_due_for_review() if page.permissions_for_user(user).can_edit()]
        return context


@dataclass
class ActivityList:
    """Recent things that came in from visitors, for the dashboard; see the dashboard_recent_activity hook."""

    slug: str
    heading: str
    rows: list = field(default_factory=list)  # (label, detail, when, admin URL)


class RecentActivityPanel(Component):
    """The newest enquiries, sign-ups and other submissions.

    Each app that collects something from visitors registers a
    ``dashboard_recent_activity`` hook: a function taking the request and
    returning an ActivityList (or None when the user may not see it).
    """

    name = "recent_activity"
    template_name = "core/admin/recent_activity_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context["request"]
        lists = (hook(request) for hook in hooks.get_hooks("dashboard_recent_activity"))
        context["activity_lists"] = [activity for activity in lists if activity and activity.rows]
        return context


class EditorNotesPanel(Component):
    """How Wagtail's autosave, drafts and publishing fit together, where every editor starts."""

    name = "editor_notes"
    template_name = "core/admin/editor_notes_panel.html"
    order = 170


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend([ReviewDuePanel(), RecentActivityPanel(), EditorNotesPanel()])


def review_listing_viewset(page_model):
    """A flat listing of one page type with its owner and next review date, sortable by either."""
    name = page_model._meta.model_name
    return type(
        f"{page_model.__name__}ReviewListing",
        (PageListingViewSet,),
        {
            "model": page_model,
            "icon": "date",
            "menu_label": page_model._meta.verbose_name_plural.capitalize(),
            "columns": [
                *PageListingViewSet.columns,
                UserColumn("review_owner", label=_("Owner"), sort_key="review_owner__first_name"),
                Column("next_review_date", label=_("Next review"), sort_key="next_review_date"),
            ],
        },
    )(f"review_{name}")


class ContentReviewGroup(ViewSetGroup):
    menu_label = _("Content review")
    menu_icon = "date"
    menu_order = 250

    def __init__(self):
        self.items = [review_listing_viewset(model) for model in review_page_models()]
        super().__init__()


@hooks.register("register_admin_viewset")
def register_content_review_listings():
    return ContentReviewGroup()


@hooks.register("before_serve_page")
def refuse_pages_outside_the_language(page, request, serve_args, serve_kwargs):
    if not serves_in_active_language(page):
        raise Http404("This page is not available in this language.")


@register_snippet
class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "list-ul"
    menu_label = _("Footer funders and links")
    add_to_settings_menu = True
    list_display = ["__str__"]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return twofactor.admin_urls


@hooks.register("register_account_menu_item")
def offer_two_factor_setup(request):
    """Account > More actions: set up two-step sign-in, or move it to a new phone."""
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Set up two-step sign-in"),
        "help_text": _(
            "After your password, sign in with a code from an authenticator app on your phone. "
            "Setting it up again replaces the app and the recovery codes."
        ),
    }
