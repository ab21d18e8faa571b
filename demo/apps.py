from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's content and its loader (`manage.py load_demo_content`); no models, no pages of its own."""

    name = "demo"
    verbose_name = "Demo content"
