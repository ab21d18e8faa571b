from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self):
        from caching.middleware import reads_query_parameters
        from core.filters import parameter_names
        from partners.directory import FILTERS

        # The directory's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*parameter_names(FILTERS))
