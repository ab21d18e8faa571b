from django.apps import AppConfig


class NavigationConfig(AppConfig):
    """The menu, the breadcrumbs and the footer's links and details, as every page shows them."""

    name = "navigation"
    verbose_name = "Navigation"
