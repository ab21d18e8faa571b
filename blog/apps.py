from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blog")

    def ready(self):
        from taggit.models import Tag

        from core.fragments import start_new_generation

        # The blog index's tag filter is cached with the other fragments (see BlogIndexPage.filter_form).
        post_save.connect(start_new_generation, sender=Tag, dispatch_uid="blog.fragments.tag")
        post_delete.connect(start_new_generation, sender=Tag, dispatch_uid="blog.fragments.tag.delete")
