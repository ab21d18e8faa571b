"""Helpers for the demo content loader: generated images and idempotent pages.

Every helper creates what is missing and leaves alone what exists, so running
the loader again duplicates nothing and overwrites nothing an editor changed.
"""

import io
import json
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

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
    """A generated image with real alt text, made once and found by title after that."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_tracks(*size, seed=seed).save(buffer, format="PNG", optimize=True)
    filename = title.lower().replace(" ", "-")[:60] + ".png"
    return Image.objects.create(title=title, description=description, file=ImageFile(buffer, name=filename))


def stream(*blocks):
    """StreamField raw data from (block type, value) pairs."""
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


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
