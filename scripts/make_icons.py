"""Draw the touch icons and favicon.ico from the same design as static/images/favicon.svg.

Run once after changing the design: .venv/bin/python scripts/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

PURPLE = "#3B2A8C"
GOLD = "#FFBF47"
# The favicon.svg design on a 32-unit grid: four tracks as (x, top, bottom).
TRACKS = [(8, 10, 22), (13, 6, 22), (18, 12, 22), (23, 8, 22)]
IMAGES = Path(__file__).resolve().parent.parent / "static" / "images"


def draw(size, rounded):
    scale = size / 32
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(picture)
    canvas.rounded_rectangle((0, 0, size - 1, size - 1), radius=6 * scale if rounded else 0, fill=PURPLE)
    half = 1.5 * scale
    for x, top, bottom in TRACKS:
        canvas.rounded_rectangle(
            ((x - 1.5) * scale, (top - 1.5) * scale, (x + 1.5) * scale, (bottom + 1.5) * scale), radius=half, fill=GOLD
        )
    return picture


def main():
    large = draw(1024, rounded=True)
    for name, size in [("icon-192.png", 192), ("icon-512.png", 512)]:
        large.resize((size, size), Image.LANCZOS).save(IMAGES / name, optimize=True)
    # iOS rounds the corners itself and shows transparency as black: a full square.
    draw(1024, rounded=False).convert("RGB").resize((180, 180), Image.LANCZOS).save(
        IMAGES / "apple-touch-icon.png", optimize=True
    )
    large.save(IMAGES / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()
