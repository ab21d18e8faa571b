"""The sitemap: every live, public page of the site in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    """Wagtail's sitemap covers the site root's own language; this adds its translations' trees."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translation in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translation.path)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()
