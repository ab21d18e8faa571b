"""Enews subscribers in the admin: editors read, export and delete, but never add or edit them.

Subscribers come only from the sign-up form, so every one has a consent record.
'Confirmed subscribers' is what the mailing tool needs and can be downloaded as
CSV; 'All sign-ups' includes those waiting for confirmation or unsubscribed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.exports import SafeSpreadsheetExportMixin
from newsletter.models import Subscriber


class SignupOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)


register_permission_policy(Subscriber, SignupOnlyPermissionPolicy(Subscriber))

CONSENT_FIELDS = ["consent_wording", "consent_given_at", "source_url"]


class ConfirmedSubscribersIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().confirmed()


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    search_fields = ["email", "name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    # The edit form is never reachable (see SignupOnlyPermissionPolicy), but a viewset must name its fields.
    form_fields = ["name"]


class ConfirmedSubscriberViewSet(SubscriberViewSet):
    name = "enews_subscribers"
    menu_label = _("Confirmed subscribers")
    icon = "mail"
    index_view_class = ConfirmedSubscribersIndexView
    list_display = ["email", "name", "language", "confirmed_at"]
    list_export = ["email", "name", "language", "confirmed_at", *CONSENT_FIELDS]
    export_filename = "enews-confirmed-subscribers"


class AllSignupsViewSet(SubscriberViewSet):
    name = "enews_signups"
    menu_label = _("All sign-ups")
    icon = "list-ul"
    list_display = ["email", "name", "status", "signed_up_at"]
    list_filter = ["status"]


class EnewsGroup(ViewSetGroup):
    menu_label = _("Enews")
    menu_icon = "mail"
    menu_order = 320
    items = (ConfirmedSubscriberViewSet, AllSignupsViewSet)


@hooks.register("register_admin_viewset")
def register_enews_viewsets():
    return EnewsGroup()
