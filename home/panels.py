"""Admin panels for the enquiry form page."""

from wagtail.admin.panels import Panel


class StoredOnlyWarningPanel(Panel):
    """A warning at the top of the form page's editor while nobody is emailed its enquiries."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/stored_only_warning.html"

        def is_shown(self):
            return not self.instance.to_address
