"""Moderation in the admin: a moderator who approves a page is told what happened.

Wagtail's approve action says nothing (from the dashboard and page listings) or only
"Page has been updated" (from the page editor), so a moderator could not tell that
the page went live.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState


def approved_here(request, response):
    """Whether this request approved a moderation task: from a listing's Approve button or the page editor."""
    match = request.resolver_match
    if request.method != "POST" or match is None:
        return False
    if match.view_name == "wagtailadmin_pages:workflow_action" and match.kwargs.get("action_name") == "approve":
        return TaskState.objects.filter(
            pk=match.kwargs["task_state_id"], status=TaskState.STATUS_APPROVED, finished_by=request.user
        ).exists()
    # The editor redirects only once the page is saved and the action done; a form with errors is shown again.
    return (
        match.view_name == "wagtailadmin_pages:edit"
        and response.status_code == 302
        and "action-workflow-action" in request.POST
        and request.POST.get("workflow-action-name") == "approve"
    )


def approval_message(page):
    title = page.get_admin_display_title()
    if page.workflow_in_progress:
        return _("“%(title)s” is approved for this step. Next: %(task)s.") % {
            "title": title,
            "task": page.current_workflow_task.name,
        }
    if page.live and not page.has_unpublished_changes:
        return _("“%(title)s” is approved and published.") % {"title": title}
    return _("“%(title)s” is approved.") % {"title": title}


class ApprovalMessageMiddleware:
    """After an approval in the admin succeeds, a success message saying what it did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if approved_here(request, response):
            page = Page.objects.filter(pk=request.resolver_match.kwargs["page_id"]).first()
            if page is not None:
                messages.success(request, approval_message(page))
        return response
