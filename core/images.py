"""The image renditions the site may ask for, all in one place.

Every rendition is a file made once per image and kept forever, so an unplanned spec in a
template is a storage and first-visit cost multiplied by every image in the library. Templates
and code ask only for specs listed here (tests/test_images.py fails otherwise), and the demo
loader makes them all in advance. To add a size: add it here, then use it in the template.

Specs are written as the {% picture %} tag writes them, braces and all, with | where the tag
has a space; each expands into one rendition per combination (format-{avif,webp}|width-480 is two).
"""

import logging

from django.conf import settings
from django.db.models import Prefetch
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from core.models import SOCIAL_IMAGE_FILTER

logger = logging.getLogger(__name__)

APPROVED_RENDITION_PATTERNS = {
    # Hero images and figures in the body: full column width on a phone, up to 1200 pixels wide.
    "wide": "format-{avif,webp,jpeg}|width-{480,800,1200}",
    # Blog cards: 16:9 crops.
    "card": "format-{avif,webp,jpeg}|fill-{400x225,800x450}",
    # Author photos beside a post: 96 CSS pixels square, and twice that for dense screens.
    "portrait": "format-{avif,webp,jpeg}|fill-{96x96,192x192}",
    # Partner logos on cards and on the profile; PNG keeps flat colours and transparency sharp.
    "logo": "format-{avif,webp,png}|max-{120x60,240x120,480x240}",
    # The image shared on social networks (includes/metadata.html): 1200x630 JPEG.
    "social": SOCIAL_IMAGE_FILTER,
}

APPROVED_RENDITIONS = frozenset(
    spec for pattern in APPROVED_RENDITION_PATTERNS.values() for spec in Filter.expand_spec(pattern)
)


def renditions_prefetch(lookup, use):
    """A Prefetch of the renditions for one use (a key above) at lookup ("renditions", "logo__renditions"...),
    kept where Wagtail looks for prefetched renditions: one query for a whole listing, and no other
    rendition of the image loaded."""
    specs = Filter.expand_spec(APPROVED_RENDITION_PATTERNS[use])
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def images_with_renditions(use):
    """Images with their renditions for one use prefetched."""
    return get_image_model().objects.prefetch_related(renditions_prefetch("renditions", use))


def unapproved_specs(filter_specs):
    """The single-rendition specs a tag's filter specs expand into that are not approved."""
    return [spec for spec in Filter.expand_spec(filter_specs) if spec not in APPROVED_RENDITIONS]


def make_approved_renditions(images):
    """Make every approved rendition of these images; those made before are found, not made again."""
    specs = sorted(APPROVED_RENDITIONS)
    for image in images:
        image.get_renditions(*specs)


@task()
def make_approved_renditions_task(image_id):
    """Make an image's approved renditions in the background worker, so no visitor waits for them."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    try:
        make_approved_renditions([image])
    except OSError as error:
        logger.warning("Renditions of image %s could not be made: %s", image_id, error)


def image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of the image model: queue its renditions (PREGENERATE_RENDITIONS) unless only metadata changed."""
    if raw or not settings.PREGENERATE_RENDITIONS or (update_fields and "file" not in update_fields):
        return
    make_approved_renditions_task.enqueue(instance.pk)
