from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from blog.models import FILTERS
        from caching.middleware import reads_query_parameters
        from core.filters import parameter_names

        # The blog's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*parameter_names(FILTERS))
