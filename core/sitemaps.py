"""The sitemap: every live, public page of the site in every language."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, get_page_models

from core.i18n import html_language_tag


class AllLocalesSitemap(Sitemap):
    """Wagtail's sitemap covers the site root's own language; this adds its translations' trees."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translation in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translation.path)
        # Aliases (untranslated parents wagtail-localize makes) are never served: their originals are listed.
        pages = Page.objects.filter(trees, alias_of__isnull=True).live().public().order_by("path").defer_streamfields()
        # Each page type's own class only matters to a type with its own sitemap URLs: without
        # one, the base pages give the same URLs in one query rather than one more per page type.
        if any(model.get_sitemap_urls is not Page.get_sitemap_urls for model in get_page_models()):
            return pages.specific()
        return pages

    def get_urls(self, page=1, site=None, protocol=None):
        """Each page's URLs, with an hreflang alternate for every live translation listed beside it.

        The pages give their own full URLs (get_sitemap_urls), so the site and protocol are not needed.
        """
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for item in pages:
            translations[item.translation_key].append(item)
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        urls, last_mods = [], set()
        for item in pages:
            alternates = []
            if len(translations[item.translation_key]) > 1:
                alternates = [
                    {
                        "lang_code": html_language_tag(language_codes[other.locale_id]),
                        "location": other.get_full_url(self.request),
                    }
                    for other in translations[item.translation_key]
                ]
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
