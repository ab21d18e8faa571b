from django.apps import AppConfig
from django.db.models.signals import post_save


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from wagtail.documents import get_document_model

        from caching.middleware import reads_query_parameters
        from resources.library import GROUPS
        from resources.text import document_saved

        # The library's filters: the page cache keeps them in its key and drops other parameters.
        reads_query_parameters("q", *(group.name for group in GROUPS))

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="resources_document_text")
