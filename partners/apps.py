from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self):
        from caching.middleware import reads_query_parameters
        from partners.forms import PartnerFilterForm

        # The directory's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*PartnerFilterForm.filter_names)
