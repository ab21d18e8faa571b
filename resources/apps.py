from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resource library"

    def ready(self):
        from wagtail.documents import get_document_model

        from core.fragments import start_new_generation
        from resources.models import Audience, Region, ResourceType, Topic
        from resources.text import document_saved

        post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="resources_document_text")
        # The library's filters are cached with the other fragments (see resources.library).
        for model in (ResourceType, Topic, Audience, Region):
            post_save.connect(start_new_generation, sender=model, dispatch_uid=f"resources.fragments.{model.__name__}")
            post_delete.connect(
                start_new_generation, sender=model, dispatch_uid=f"resources.fragments.{model.__name__}.delete"
            )
