"""Lint the hand-written stylesheets in static/css with tinycss2, a real CSS parser.

It fails on what a browser would silently drop or misread, and on the project's conventions:
- parse errors and blocks left open (an unclosed rule swallows every rule after it);
- physical properties (margin-left, padding-top, width, left...): logical ones only, so a
  right-to-left language needs no second stylesheet;
- a property declared twice in one rule, an empty rule;
- var(--name) for a custom property no stylesheet declares.

Run by `make lint` and by tests/test_stylesheets.py: .venv/bin/python scripts/lint_css.py
"""

import re
import sys
from pathlib import Path

import tinycss2

STYLESHEETS = Path(__file__).resolve().parent.parent / "static" / "css"

PHYSICAL = re.compile(
    r"^(?:(?:margin|padding|inset|scroll-margin|scroll-padding)-(?:left|right|top|bottom)"
    r"|border-(?:left|right|top|bottom)(?:-(?:width|style|color))?"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
    r"|left|right|top|bottom|(?:min-|max-)?(?:width|height))$"
)
PHYSICAL_VALUES = {"text-align": {"left", "right"}, "float": {"left", "right"}, "clear": {"left", "right"}}
VENDOR_PREFIX = re.compile(r"^-(?:webkit|moz|ms)-")


def unclosed_block(source, tokens):
    """(line, column) of the innermost block left open at the end of the file, or None."""
    for token in tokens:
        if token.type not in ("{} block", "[] block", "() block"):
            continue
        inner = unclosed_block(source, token.content)
        if inner:
            return inner
        # A block the parser had to close at the end of the file serialises with a brace the source lacks.
        written = tinycss2.serialize([token])
        if source_from(source, token)[: len(written)] != written:
            return token.source_line, token.source_column
    return None


def error_tokens(tokens):
    """Tokens the parser could not make sense of (an unmatched brace, a bad string or url)."""
    for token in tokens:
        if token.type == "error":
            yield token
        yield from error_tokens(getattr(token, "content", None) or getattr(token, "arguments", None) or [])


def source_from(source, token):
    lines = source.splitlines(keepends=True)
    offset = sum(len(line) for line in lines[: token.source_line - 1]) + token.source_column - 1
    return source[offset:]


def declared_custom_properties(paths):
    names = set()
    for path in paths:
        names.update(re.findall(r"(--[\w-]+)\s*:", path.read_text()))
    return names


def walk(rules, check):
    """Call check(rule, declarations) for every rule with declarations, nested or inside at-rules."""
    for rule in rules:
        if rule.type == "error":
            check(rule, None)
        elif rule.type in ("qualified-rule", "at-rule") and rule.content is not None:
            contents = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            declarations = [item for item in contents if item.type in ("declaration", "error")]
            nested = [item for item in contents if item.type in ("qualified-rule", "at-rule")]
            check(rule, declarations)
            walk(nested, check)


def lint(path, custom_properties):
    source = path.read_text()
    problems = []

    def report(node, message):
        problems.append(f"{path.name}:{node.source_line}:{node.source_column}: {message}")

    tokens = tinycss2.parse_component_value_list(source)
    problems += [
        f"{path.name}:{token.source_line}:{token.source_column}: parse error: {token.message}"
        for token in error_tokens(tokens)
    ]
    where = unclosed_block(source, tokens)
    if where:
        problems.append(f"{path.name}:{where[0]}:{where[1]}: block not closed: every rule after it is lost")

    def check(rule, declarations):
        if declarations is None:
            report(rule, f"parse error: {rule.message}")
            return
        if (
            rule.type == "qualified-rule"
            and not declarations
            and not any(
                item.type == "qualified-rule" for item in tinycss2.parse_blocks_contents(rule.content, True, True)
            )
        ):
            report(rule, f"empty rule: {tinycss2.serialize(rule.prelude).strip()}")
        seen = set()
        for declaration in declarations:
            if declaration.type == "error":
                report(declaration, f"parse error: {declaration.message}")
                continue
            name = declaration.lower_name
            if rule.type == "at-rule" and rule.lower_at_keyword != "font-face":
                report(declaration, f"declaration {name} outside a rule")
            if PHYSICAL.match(name) and rule.type != "at-rule":
                report(declaration, f"physical property {name}: use its logical form (inline/block)")
            value = tinycss2.serialize(declaration.value).strip().lower()
            if value in PHYSICAL_VALUES.get(name, ()):
                report(declaration, f"{name}: {value}: use start or end")
            if name in seen and not VENDOR_PREFIX.match(name):
                report(declaration, f"{name} declared twice in one rule")
            seen.add(name)
            for used in re.findall(r"var\(\s*(--[\w-]+)", value):
                if used not in custom_properties:
                    report(declaration, f"{used} is used but never declared")

    walk(tinycss2.parse_stylesheet(source, skip_whitespace=True, skip_comments=True), check)
    return problems


def lint_all(paths=None):
    paths = sorted(paths or STYLESHEETS.glob("*.css"))
    custom_properties = declared_custom_properties(paths)
    return [problem for path in paths for problem in lint(path, custom_properties)]


def main():
    problems = lint_all([Path(argument) for argument in sys.argv[1:]] or None)
    print("\n".join(problems) or "CSS: no problems found.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
