from django.apps import AppConfig
from django.db.models.signals import post_save


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from wagtail.documents import get_document_model

        from resources.text import document_saved

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="resources_document_text")
