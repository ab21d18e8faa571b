from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core.fragments import forget_changed_page, forget_changed_settings, start_new_generation
        from core.i18n import forget_locale_ids
        from core.models import FooterSettings, FooterText
        from core.pagecache import connect_purge_signals

        post_save.connect(forget_locale_ids, sender=Locale, dispatch_uid="core.forget_locale_ids.save")
        post_delete.connect(forget_locale_ids, sender=Locale, dispatch_uid="core.forget_locale_ids.delete")
        connect_purge_signals()

        # Cached fragments (menu, footer, breadcrumbs, language links) show pages, settings and snippets.
        for name, signal in [
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("moved", post_page_move),
        ]:
            signal.connect(start_new_generation, dispatch_uid=f"core.fragments.page_{name}")
        post_save.connect(forget_changed_page, dispatch_uid="core.fragments.page_saved")
        post_delete.connect(forget_changed_page, dispatch_uid="core.fragments.page_deleted")
        post_save.connect(forget_changed_settings, sender=FooterSettings, dispatch_uid="core.fragments.settings")
        post_delete.connect(start_new_generation, sender=FooterSettings, dispatch_uid="core.fragments.settings.delete")
        for model in (FooterText, Site, Locale, PageViewRestriction):
            post_save.connect(start_new_generation, sender=model, dispatch_uid=f"core.fragments.{model.__name__}.save")
            post_delete.connect(
                start_new_generation, sender=model, dispatch_uid=f"core.fragments.{model.__name__}.delete"
            )
