"""Draw the cards' fallback pictures: static/images/cards/<kind>-<n>.svg, for cards with no image.

Each kind of content has its own motif (resources: tracks that change lane; posts: sound waves),
drawn in one of the five HEARD colours on a pale tint of it, with a
second HEARD colour beside it, so a listing shows varied pictures rather than one repeated.
Decorative: templates show them with alt="". Run after changing the design:
.venv/bin/python scripts/make_card_art.py
"""

from pathlib import Path

HEARD = ["#7A3E00", "#0B5D4E", "#8A1C4A", "#1D4F91", "#5B3A9E"]
WIDTH, HEIGHT = 400, 225
CARDS = Path(__file__).resolve().parent.parent / "static" / "images" / "cards"


def tint(colour, amount=0.86):
    """The colour mixed with white: amount 1 is white."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def resource(n, main, second):
    """Five tracks across the card, stepping up together at a point that differs for each n."""
    step_at = 90 + 50 * n
    paths = []
    for track in range(5):
        y = 70 + 30 * track
        colour = second if track == n else main
        paths.append(
            f'<path d="M-10 {y}H{step_at}c30 0 30-40 60-40H410" stroke="{colour}" stroke-width="12" '
            'stroke-linecap="round" fill="none"/>'
        )
    return "".join(paths)


def post(n, main, second):
    """Sound waves: rings spreading from a point that moves along the card with n."""
    x, y = 60 + 70 * n, 180 - 25 * (n % 3)
    rings = [
        f'<circle cx="{x}" cy="{y}" r="{24 + 34 * ring}" stroke="{second if ring == 2 else main}" '
        f'stroke-width="10" fill="none"/>'
        for ring in range(6)
    ]
    return f'<circle cx="{x}" cy="{y}" r="12" fill="{main}"/>' + "".join(rings)


MOTIFS = {"resource": resource, "post": post}


def main():
    CARDS.mkdir(exist_ok=True)
    for kind, motif in MOTIFS.items():
        for n, main_colour in enumerate(HEARD):
            second = HEARD[(n + 2) % len(HEARD)]
            svg = (
                f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
                f'height="{HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="{tint(main_colour)}"/>'
                f"{motif(n, main_colour, second)}</svg>\n"
            )
            (CARDS / f"{kind}-{n}.svg").write_text(svg)


if __name__ == "__main__":
    main()
