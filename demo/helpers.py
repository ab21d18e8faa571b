"""Helpers for the demo content loader: generated images and idempotent pages.

Every helper creates what is missing and leaves alone what exists, so running
the loader again duplicates nothing and overwrites nothing an editor changed.
"""

import io
import json
import random
import uuid

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core.images import make_approved_renditions

HEARD_COLOURS = ["#7A3E00", "#0B5D4E", "#8A1C4A", "#1D4F91", "#5B3A9E"]
BACKGROUND = "#FBFAF7"


def draw_tracks(width, height, seed):
    """An abstract picture of five coloured tracks, like lanes of music."""
    rng = random.Random(seed)
    picture = PILImage.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(picture)
    lane = height // 6
    for index, colour in enumerate(HEARD_COLOURS):
        top = lane // 2 + index * lane
        x = 0
        while x < width:
            length = rng.randint(width // 12, width // 4)
            draw.rounded_rectangle((x, top, min(x + length, width), top + lane * 2 // 3), radius=lane // 3, fill=colour)
            x += length + rng.randint(width // 40, width // 10)
    return picture


def demo_image(title, description, seed, size=(1600, 900)):
    """A generated image with real alt text, made once and found by title after that.

    Its approved renditions are made now too (those missing), so no visitor waits for one.
    """
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        buffer = io.BytesIO()
        draw_tracks(*size, seed=seed).save(buffer, format="PNG", optimize=True)
        filename = title.lower().replace(" ", "-")[:60] + ".png"
        image = Image.objects.create(title=title, description=description, file=ImageFile(buffer, name=filename))
    if settings.DEMO_PREGENERATE_RENDITIONS:
        make_approved_renditions([image])
    return image


def stream(*blocks):
    """StreamField raw data from (block type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def list_items(*values):
    """A list block's raw data as Wagtail stores it, each item with an id (wagtail-localize needs them)."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def child_page(parent, page_class, slug, **fields):
    """The child of parent with this slug, created and published if missing.

    An existing page is returned as it is: the loader never overwrites an editor's work.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(instance, language_code, translations):
    """The instance's translation into language_code, made once through wagtail-localize.

    This is what a translator does in wagtail-localize's editor: every segment
    of the source gets a translation (slugs stay as they are, so addresses match
    across languages), then the translation is published. A segment without a
    translation stops the loader rather than publish a half-translated page.
    An existing translation is returned untouched.
    """
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        if segment.context.path != "slug":
            try:
                text = translations[text]
            except KeyError:
                raise KeyError(f"No {language_code} translation for {text!r} in {instance}") from None
        StringTranslation.from_text(segment.string, locale, segment.context, text)
    # Save a draft, then publish a fresh copy: wagtail-localize's own publish waits
    # for the transaction to commit and then saves a stale copy of the page,
    # losing tree changes (such as child pages) made meanwhile.
    # (Only objects with drafts, such as pages, can be saved as a draft.)
    has_drafts = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not has_drafts)
    if has_drafts:
        instance.get_translation(locale).save_revision().publish()
    return instance.get_translation(locale)
