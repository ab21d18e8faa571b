"""Every string a visitor reads in a template goes through Django's translation machinery.

Each template is tokenised with Django's own lexer; template tags and variables
are blanked out, translated blocks and comments removed, and whatever words are
left in the HTML text or in attributes a visitor meets (alt, title, aria-label,
placeholder, value) are strings someone forgot to mark.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Rendered when the language is unknown (a refused Host, a broken database): bilingual by hand.
NOT_TRANSLATED = {"error_static.html", "400.html", "500.html"}
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value", "aria-description"}
WORD = re.compile(r"[^\W\d_]{2,}")
BLOCK_PAIRS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment"}
# Blocks that hold code rather than words: class names.
CODE_BLOCKS = {"body_class"}


def without_template_code(source):
    """The template's HTML with tags and variables blanked and translated blocks removed."""
    parts, closing = [], None
    for token in Lexer(source).tokenize():
        words = token.contents.split()
        if closing:
            if token.token_type == TokenType.BLOCK and words and words[0] == closing:
                closing = None
            continue
        if token.token_type == TokenType.BLOCK and words and words[0] in BLOCK_PAIRS:
            closing = BLOCK_PAIRS[words[0]]
        elif (
            token.token_type == TokenType.BLOCK
            and words[:1] == ["block"]
            and words[1:2] in ([name] for name in CODE_BLOCKS)
        ):
            closing = "endblock"
        elif token.token_type == TokenType.TEXT:
            parts.append(token.contents)
        else:
            # A stand-in that is never a word: a tag name where one is expected, else a digit.
            parts.append("x" if parts and parts[-1].endswith(("<", "</")) else "0")
    return "".join(parts)


class UnmarkedText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        self.found += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value and WORD.search(value)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and WORD.search(data):
            self.found.append(data.strip())


def unmarked_strings(source):
    parser = UnmarkedText()
    parser.feed(without_template_code(source))
    return parser.found


def test_the_checker_finds_unmarked_text_and_attributes():
    source = '{% load i18n %}<p>Hello {{ name }}</p><img alt="A photo"><a aria-label="{% translate "Next" %}">»</a>'
    assert unmarked_strings(source) == ["Hello 0", "A photo"]
    marked = '{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}<p title="{{ page.title }}">{{ x }}</p>'
    assert unmarked_strings(marked) == []


@pytest.mark.parametrize(
    "template",
    sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html") if path.name not in NOT_TRANSLATED),
)
def test_template_has_no_unmarked_strings(template):
    assert unmarked_strings((TEMPLATES / template).read_text()) == []
