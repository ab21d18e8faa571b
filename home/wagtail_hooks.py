"""The staff's view of enquiries: the newest on the dashboard, and a warning wherever nobody is emailed them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.contrib.forms.utils import get_forms_for_user

from core.wagtail_hooks import DASHBOARD_ACTIVITY_LIMIT, ActivityList
from home.models import EnquiryFormPage, EnquirySubmission


def enquiry_pages_for(user):
    return EnquiryFormPage.objects.filter(pk__in=get_forms_for_user(user).values("pk"))


@hooks.register("dashboard_recent_activity")
def newest_enquiries(request):
    """The newest enquiries, each linked to its form's list of answers; no personal data on the dashboard."""
    enquiries = (
        EnquirySubmission.objects.filter(page__in=enquiry_pages_for(request.user))
        .select_related("page")
        .order_by("-submit_time")[:DASHBOARD_ACTIVITY_LIMIT]
    )
    return ActivityList(
        slug="enquiries",
        heading=_("Newest enquiries"),
        rows=[
            (
                enquiry.page.title,
                _("Enquiry"),
                enquiry.submit_time,
                reverse("wagtailforms:list_submissions", args=[enquiry.page_id]),
            )
            for enquiry in enquiries
        ],
    )


class StoredOnlyPanel(Component):
    """Live enquiry forms with no "to" address: their enquiries reach nobody's inbox."""

    name = "enquiries_stored_only"
    template_name = "home/admin/stored_only_panel.html"
    order = 140

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages}


@hooks.register("construct_homepage_panels")
def warn_of_enquiries_nobody_is_emailed(request, panels):
    pages = list(enquiry_pages_for(request.user).live().filter(to_address=""))
    if pages:
        panels.append(StoredOnlyPanel(pages))
