"""Reports → Searches that found nothing: what visitors looked for that the site does not have."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from search.models import UnansweredSearch


class UnansweredSearchesReport(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    index_url_name = "search_unanswered_report"
    index_results_url_name = "search_unanswered_report_results"
    columns = [
        Column("query_string", label=_("Search")),
        Column("hits", label=_("Times searched")),
        DateColumn("last_searched", label=_("Last searched")),
    ]
    list_export = ["query_string", "hits", "last_searched"]
    export_headings = {"query_string": _("Search"), "hits": _("Times searched"), "last_searched": _("Last searched")}

    def get_queryset(self):
        return UnansweredSearch.objects.order_by("-hits", "-last_searched")

    def get_filename(self):
        return "searches-that-found-nothing"


@hooks.register("register_admin_urls")
def register_report_urls():
    view = UnansweredSearchesReport.as_view()
    results = UnansweredSearchesReport.as_view(results_only=True)
    return [
        path("reports/searches-that-found-nothing/", view, name="search_unanswered_report"),
        path("reports/searches-that-found-nothing/results/", results, name="search_unanswered_report_results"),
    ]


# Anyone who can use the admin sees it: editors write the pages that are missing.
@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Searches that found nothing"),
        reverse("search_unanswered_report"),
        name="searches-that-found-nothing",
        icon_name="search",
        order=750,
    )
