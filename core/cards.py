"""Cards for pages chosen in a body's Cards blocks, loaded together for the whole body.

A body with fifteen cards costs the same few queries as a body with three: the chosen pages,
their translations in the visitor's language, then one query per page type for the pages
themselves and one per relation a card shows (resource type, partner roles, images and their
renditions). Each page type's card is the one its listing uses.
"""

from django.db.models import Prefetch, Q
from wagtail.models import Locale, Page

from core.images import images_with_renditions, renditions_prefetch
from core.models import in_private_section, public

# Page type (app_label.model) -> the card template and the name the template gives the page.
CARD_TEMPLATES = {
    "resources.resourcepage": ("resources/includes/resource_card.html", "resource"),
    "partners.partnerpage": ("partners/includes/partner_card.html", "partner"),
    "blog.blogpage": ("blog/includes/post_card.html", "post"),
}
# Any other page: a card with its listing title, summary, image or fallback.
PAGE_CARD_TEMPLATE = "components/blocks/page_card.html"


def with_card_data(model, pages):
    """A queryset of pages of one type, with everything its card shows fetched in a fixed number of queries."""
    label = model._meta.label_lower
    listing_image = Prefetch("listing_image", queryset=images_with_renditions("card"))
    if label == "resources.resourcepage":
        return pages.select_related("resource_type").prefetch_related(listing_image)
    if label == "partners.partnerpage":
        return pages.select_related("region", "logo").prefetch_related(
            "roles", renditions_prefetch("logo__renditions", "logo")
        )
    if label == "blog.blogpage":
        from blog.models import BlogIndexPage  # blog.models imports core.blocks, which imports this module

        return BlogIndexPage.with_listing_data(pages)
    return pages.prefetch_related(listing_image)


def load_specific(pages):
    """The specific version of each page (a dict by id), in one query per page type plus its card's relations."""
    ids_by_class = {}
    for page in pages:
        ids_by_class.setdefault(page.specific_class, []).append(page.pk)
    loaded = {}
    for model, ids in ids_by_class.items():
        if model is None:  # its page type's code was removed
            continue
        loaded.update({page.pk: page for page in with_card_data(model, model.objects.filter(pk__in=ids))})
    return loaded


def load_card_pages(ids):
    """The chosen pages (specific, in the order of ids; None for a deleted page), each with card_page:
    the page a visitor sees on the card, which is its live translation in the visitor's language if it
    has one, else the page itself if it is live and public, else None (the card is left out).

    The editor keeps the page they chose, whatever its state.
    """
    ids = [int(pk) for pk in ids if pk]
    if not ids:
        return []
    locale = Locale.get_active()
    translation_keys = Page.objects.filter(pk__in=ids).values("translation_key")
    candidates = list(
        Page.objects.filter(translation_key__in=translation_keys)
        .filter(Q(pk__in=ids) | Q(locale=locale, live=True))
        .annotate(private=in_private_section())
    )
    private = {page.pk for page in candidates if page.private}
    specific = load_specific(candidates)
    shown_by_key = {page.translation_key: specific.get(page.pk) for page in candidates if page.locale_id == locale.pk}
    chosen = []
    for pk in ids:
        page = specific.get(pk)
        if page is not None:
            shown = shown_by_key.get(page.translation_key) or page
            page.card_page = shown if shown.live and shown.pk not in private else None
        chosen.append(page)
    return chosen


def card_template(page):
    """(template, context name) for a page's card."""
    return CARD_TEMPLATES.get(page._meta.label_lower, (PAGE_CARD_TEMPLATE, "page"))


def newest_resources(resource_type, topic, count):
    """The newest live, public resources in the visitor's language, of a type and on a topic if given.

    The type and topic match by translation, so a Welsh page whose block names an English topic
    shows the Welsh resources on that topic.
    """
    from resources.models import ResourcePage  # resources.models imports core.blocks, which imports this module

    resources = public(ResourcePage.objects.live().filter(locale=Locale.get_active()))
    if resource_type is not None:
        resources = resources.filter(resource_type__translation_key=resource_type.translation_key)
    if topic is not None:
        resources = resources.filter(topics__translation_key=topic.translation_key)
    return list(with_card_data(ResourcePage, resources.order_by("-publication_date", "-pk"))[:count])
