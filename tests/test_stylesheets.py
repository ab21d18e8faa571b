"""Every stylesheet parses with a real CSS parser (tinycss2) and keeps the project's CSS conventions.

A browser drops what it cannot parse without a word: an unclosed rule once hid every rule after
the partner directory's, and all the other tests still passed.
"""

from pathlib import Path

import pytest
import tinycss2

from scripts.lint_css import STYLESHEETS, lint_all


@pytest.mark.parametrize("path", sorted(STYLESHEETS.glob("*.css")), ids=lambda path: path.name)
def test_each_stylesheet_parses_without_errors(path):
    rules = tinycss2.parse_stylesheet(path.read_text(), skip_whitespace=True, skip_comments=True)
    assert [rule.message for rule in rules if rule.type == "error"] == []
    assert any(rule.type == "qualified-rule" for rule in rules)


def test_the_stylesheets_pass_the_css_linter():
    assert lint_all() == []


@pytest.mark.parametrize(
    ("css", "problem"),
    [
        (
            "@media (min-width: 48em) {\n  .a { color: red; }\n  .b { color: red;\n  .c { color: blue; }\n}\n",
            "block not closed",
        ),
        (".a { color: red; } }\n.b { color: blue; }\n", "parse error"),
        (".a { color: red; ; : }\n", "parse error"),
        (".a { margin-left: 1rem; }\n", "physical property margin-left"),
        (".a { width: 10rem; }\n", "physical property width"),
        (".a { text-align: left; }\n", "text-align: left"),
        (".a { color: red; color: blue; }\n", "color declared twice"),
        (".a { color: var(--colour-missing); }\n", "--colour-missing is used but never declared"),
        (".a { }\n", "empty rule"),
    ],
)
def test_the_linter_finds_each_kind_of_problem(tmp_path, css, problem):
    stylesheet = Path(tmp_path / "broken.css")
    stylesheet.write_text(css)
    problems = lint_all([stylesheet])
    assert any(problem in found for found in problems), problems


def test_the_linter_accepts_logical_properties_and_declared_custom_properties(tmp_path):
    stylesheet = tmp_path / "good.css"
    stylesheet.write_text(":root { --space: 1rem; }\n.a { margin-inline-start: var(--space); inline-size: 50%; }\n")
    assert lint_all([stylesheet]) == []
