from wagtail.contrib.forms.views import SubmissionsListView

from core.exports import SafeSpreadsheetExportMixin


class EnquirySubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's submissions list and CSV download, with formula-safe cells."""
