from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from search.models import Synonym
        from search.words import forget_synonyms

        post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonyms.saved")
        post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search.synonyms.deleted")
