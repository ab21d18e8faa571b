"""Hostile input at scale: generated query strings, filter values, page numbers, headers, paths and form
posts sent to every public URL (a page of each type the demo builds, search, 404, health, the admin login).

Whatever arrives, the answer is never a 5xx, and nothing a visitor sent comes back as live markup.
Each kind of input gets HOSTILE_EXAMPLES examples per URL (50 by default). The examples are the same
on every run so CI is repeatable; set HOSTILE_RANDOM=1 to explore new ones.
"""

import os
from functools import partial
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public_urls import load_demo_site, public_paths

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "50"))
RUN = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("HOSTILE_RANDOM"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# A tag no template writes: seen unescaped in a response, it was reflected as markup.
PROBE = "<ctprobe"
PROBES = ["<ctprobe>", '"><ctprobe x=1>', "'><ctprobe onload=alert(1)>", "</title><ctprobe>", "</script><ctprobe>"]
PAYLOADS = [
    "javascript:alert(1)",
    "{{ 7|add:7 }}{% debug %}",
    "' OR 1=1 --",
    "%00\x00",
    "../../../etc/passwd",
    "\u202eevil\u202c",
    "A" * 5000,
    "%s%n%x",
    "１２３",
    "NaN",
    "-1",
    "9" * 40,
]
FILTER_NAMES = ["q", "page", "type", "topic", "audience", "region", "year", "sort", "order", "format", "tag", "author"]

hostile_text = st.one_of(
    st.text(max_size=200),
    st.sampled_from(PAYLOADS),
    st.sampled_from(PROBES),
    st.builds(lambda before, probe: before + " " + probe, st.text(max_size=20), st.sampled_from(PROBES)),
)
hostile_values = st.one_of(hostile_text, st.lists(hostile_text, min_size=1, max_size=3))
# The names filters use, each present or not, plus a few made-up ones.
fields = st.builds(
    lambda known, made_up: {**made_up, **known},
    st.fixed_dictionaries({}, optional=dict.fromkeys(FILTER_NAMES, hostile_values)),
    st.dictionaries(st.text(min_size=1, max_size=20), hostile_values, max_size=3),
)
page_numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(["", "abc", "1e9", "0x10", " 1", "1.5", "NaN", "last", "-0", "9" * 100, "１"]),
    hostile_text,
)
# Header values as HTTP can carry them: printable, no line breaks.
header_text = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200),
    st.sampled_from([p for p in PAYLOADS + PROBES if p.isprintable() and p.isascii()]),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": header_text,
        "HTTP_USER_AGENT": header_text,
        "HTTP_REFERER": header_text,
        "HTTP_COOKIE": header_text,
        "HTTP_X_FORWARDED_FOR": header_text,
        "HTTP_X_REQUEST_ID": header_text,
        "HTTP_IF_MODIFIED_SINCE": header_text,
        "HTTP_IF_NONE_MATCH": header_text,
        "HTTP_ACCEPT": header_text,
        "HTTP_RANGE": header_text,
    },
)


def assert_safe(response, sent):
    assert response.status_code < 500, (response.status_code, sent)
    if response.get("Content-Type", "").startswith("text/html"):
        assert PROBE not in response.content.decode(errors="replace").lower(), ("reflected unescaped", sent)
    location = response.get("Location", "")
    assert PROBE not in location.lower(), ("reflected in a redirect", sent)


@pytest.fixture
def paths(db):
    load_demo_site()
    urls = public_paths()
    urls["admin login"] = "/admin/login/"
    return {name: path.split("?")[0] for name, path in urls.items()}


def for_each_url(paths, strategy, send):
    """Run `send(path, example)` for EXAMPLES generated examples at every URL."""
    for path in paths.values():
        run_examples(strategy, partial(send, path))


def run_examples(strategy, send):
    @RUN
    @given(example=strategy)
    def check(example):
        send(example)

    check()


def test_generated_query_strings_and_filter_values(client, paths):
    def send(path, query):
        assert_safe(client.get(path, query), query)

    for_each_url(paths, fields, send)


def test_generated_page_numbers(client, paths):
    def send(path, number):
        query = {"q": "music", "page": number}
        assert_safe(client.get(path, query), query)

    for_each_url(paths, page_numbers, send)


def test_generated_headers(client, paths, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # so forwarded addresses are read, not ignored

    def send(path, meta):
        assert_safe(client.get(path, **meta), meta)

    for_each_url(paths, headers, send)


def test_generated_paths_below_every_url(client, paths):
    def send(path, segment):
        url = path + quote(segment.replace("\x00", ""), safe="/") + "/"
        assert_safe(client.get(url), url)

    for_each_url(paths, hostile_text, send)


def test_generated_form_posts(client, paths):
    def send(path, data):
        assert_safe(client.post(path, data), data)
        assert_safe(
            client.post(path, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"), data
        )

    for_each_url(paths, fields, send)
