from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from caching.middleware import reads_query_parameters
        from core.filters import parameter_names
        from events.listing import FILTERS

        # The listing's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*parameter_names(FILTERS))
