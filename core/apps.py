from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import Locale

        from core.i18n import forget_locale_ids
        from core.images import image_saved

        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="core.forget_locale_ids.save")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="core.forget_locale_ids.delete")
        post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="core.images.image_saved")
