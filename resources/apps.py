from django.apps import AppConfig
from django.db.models.signals import post_save


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from wagtail.documents import get_document_model

        from caching.middleware import reads_query_parameters
        from core.filters import parameter_names
        from resources.library import FILTERS
        from resources.text import document_saved

        # The library's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters(*parameter_names(FILTERS))

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="resources_document_text")
