"""Right-to-left readiness: the stylesheets use logical properties only, so a right-to-left language mirrors."""

import re
from pathlib import Path

import pytest

STYLESHEETS = sorted((Path(__file__).resolve().parent.parent / "static" / "css").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![\w-])("
    r"(margin|padding|border)-(left|right)(-\w+)?"
    r"|(left|right)\s*:"
    r"|float\s*:\s*(left|right)"
    r"|clear\s*:\s*(left|right)"
    r"|text-align\s*:\s*(left|right)"
    r"|border-(top|bottom)-(left|right)-radius"
    r")",
    re.IGNORECASE,
)


def physical_properties(css):
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [match.group(0) for match in PHYSICAL.finditer(without_comments)]


def test_the_check_catches_physical_properties():
    css = ".a { margin-left: 1rem; float: right; text-align: left; left: 0; } .b { margin-inline-start: 1rem; }"
    assert physical_properties(css) == ["margin-left", "float: right", "text-align: left", "left:"]


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_uses_logical_properties_only(stylesheet):
    assert physical_properties(stylesheet.read_text()) == []
