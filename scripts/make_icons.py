"""Draw the touch icons and favicon.ico from the same design as static/images/favicon.svg.

The mark: five tracks in the HEARD colours (Holistic, Equitable, Authentic, Representative,
Diverse) that step up together, on an off-white tile so it reads on light and dark backgrounds.
Run once after changing the design: .venv/bin/python scripts/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

TILE = "#FBFAF7"
HEARD = ["#7A3E00", "#0B5D4E", "#8A1C4A", "#1D4F91", "#5B3A9E"]
# The favicon.svg design on a 40-unit grid: each track runs from x=6 to x=34, starting at y and
# rising by 6 along a curve between x=14 and x=26. Stroke 3 units with round ends.
STARTS = [13, 18, 23, 28, 33]
IMAGES = Path(__file__).resolve().parent.parent / "static" / "images"


def track(y, steps=24):
    """The points along one track: straight, a cubic curve up by 6, straight."""
    curve = []
    for step in range(steps + 1):
        t = step / steps
        # The cubic from (14, y) to (26, y - 6) with control points (20, y) and (20, y - 6).
        x = (1 - t) ** 3 * 14 + 3 * (1 - t) ** 2 * t * 20 + 3 * (1 - t) * t**2 * 20 + t**3 * 26
        curve.append((x, y - 6 * (3 * (1 - t) * t**2 + t**3)))
    return [(6, y), *curve, (34, y - 6)]


def draw(size, rounded):
    scale = size / 40
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(picture)
    canvas.rounded_rectangle((0, 0, size - 1, size - 1), radius=8 * scale if rounded else 0, fill=TILE)
    width = 3 * scale
    for colour, y in zip(HEARD, STARTS, strict=True):
        points = [(x * scale, y * scale) for x, y in track(y)]
        canvas.line(points, fill=colour, width=round(width), joint="curve")
        for x, y in (points[0], points[-1]):
            canvas.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=colour)
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
