from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from blog.models import BlogFilterForm
        from caching.middleware import reads_query_parameters

        # The blog's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*BlogFilterForm.base_fields)
