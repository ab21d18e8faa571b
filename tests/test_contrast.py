"""The palette's colour pairs meet WCAG 2.2 AA contrast: read from the custom properties in site.css.

Text needs 4.5:1 against what it sits on; the parts of controls and the focus indicator need 3:1
(WCAG 1.4.3, 1.4.11 and 2.4.13's 3:1 for the focus ring).
"""

import re

import pytest
import tinycss2

from scripts.lint_css import STYLESHEETS


def root_colours():
    """{name: "#rrggbb"} for every --colour-* custom property declared in :root."""
    rules = tinycss2.parse_stylesheet((STYLESHEETS / "site.css").read_text(), skip_whitespace=True, skip_comments=True)
    colours = {}
    for rule in rules:
        if rule.type == "qualified-rule" and tinycss2.serialize(rule.prelude).strip() == ":root":
            for declaration in tinycss2.parse_declaration_list(rule.content, skip_whitespace=True, skip_comments=True):
                value = tinycss2.serialize(declaration.value).strip().lower()
                if declaration.type == "declaration" and declaration.name.startswith("--colour-"):
                    colours[declaration.name.removeprefix("--colour-")] = value
    return colours


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


HEARD = ["holistic", "equitable", "authentic", "representative", "diverse"]
LIGHT_BACKGROUNDS = ["background", "surface", "tint"]

# (foreground, background): text on the page, on cards, on buttons and in the dark footer.
TEXT_PAIRS = [
    *[
        (text, background)
        for text in ["text", "muted", "primary", "primary-dark", "error", "success"]
        for background in LIGHT_BACKGROUNDS
    ],
    *[(principle, background) for principle in HEARD for background in LIGHT_BACKGROUNDS],
    *[("on-primary", principle) for principle in HEARD],
    ("on-primary", "primary"),
    ("on-primary", "primary-dark"),
    ("background", "text"),  # the footer
    ("focus", "text"),  # footer links on hover
    ("text", "focus"),  # the skip link
]
# Borders of controls, and the focus ring: its yellow against its dark inner ring, the dark ring
# against every light background, and the yellow against the purple of buttons and the help panel.
UI_PAIRS = [
    *[("control-border", background) for background in LIGHT_BACKGROUNDS],
    *[("focus-inner", background) for background in LIGHT_BACKGROUNDS],
    ("focus", "focus-inner"),
    ("focus", "primary"),
]


def test_the_palette_is_read_from_the_stylesheet():
    colours = root_colours()
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in colours.values()), colours
    assert {name for pair in TEXT_PAIRS + UI_PAIRS for name in pair} <= set(colours)


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS, ids=[" on ".join(pair) for pair in TEXT_PAIRS])
def test_text_colours_have_at_least_4_5_to_1(foreground, background):
    colours = root_colours()
    assert contrast(colours[foreground], colours[background]) >= 4.5


@pytest.mark.parametrize(("foreground", "background"), UI_PAIRS, ids=[" on ".join(pair) for pair in UI_PAIRS])
def test_control_borders_and_focus_have_at_least_3_to_1(foreground, background):
    colours = root_colours()
    assert contrast(colours[foreground], colours[background]) >= 3


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
