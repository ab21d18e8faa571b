"""Load 10,000 resources into the configured database, then time the library and site search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_resources_bench python benchmarks/run.py

Requests go through Django's test client in this process (middleware, view,
template, database; no network), so the figures are the server's own time.
See benchmarks/README.md.
"""

import argparse
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "changingtracks.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from modelsearch import index as modelsearch_index  # noqa: E402
from wagtail.search import index as wagtail_index  # noqa: E402

from resources import demo  # noqa: E402
from resources.models import (  # noqa: E402
    Audience,
    Region,
    ResourceAuthoringPartner,
    ResourceDownload,
    ResourceIndexPage,
    ResourcePage,
    ResourceType,
    Topic,
)

SLUG_PREFIX = "bench-"
SENTENCES = [
    demo.MISSION,
    demo.WHY,
    demo.RESEARCH,
    demo.NURTURE,
    demo.NWG,
    demo.COMMISSIONERS,
    demo.FUNDING,
    demo.SHARING,
]
PLACES = ["Cambridgeshire", "Cornwall", "Essex", "Hertfordshire", "Hull", "Norfolk", "Southampton", "Waltham Forest"]

LIBRARY_URLS = [
    "",
    "?page=2",
    "?page=400",
    "?topic=nurture-groups",
    "?type=toolkit&topic=send",
    "?topic=nurture-groups&topic=funding&principle=holistic&region=london",
    "?year=2021&audience=schools",
    "?q=nurture",
    "?q=local+authority&type=guide&principle=equitable",
]
SEARCH_QUERIES = [
    {"q": "nurture"},
    {"q": "nurture groups primary schools"},
    {"q": "inclusion"},
    {"q": "local authority"},
    {"q": "toolkit", "kind": "resources"},
    {"q": "session plan checklist"},  # a phrase only inside a PDF
    {"q": "Hull"},
    {"q": "inclusion", "page": "30"},
    {"q": "zyzzyva"},
]


@contextmanager
def without_indexing():
    """Per-page indexing switched off while loading; update_index rebuilds the index in one pass afterwards."""

    def skip(*args, **kwargs):
        return None

    with (
        mock.patch.object(modelsearch_index, "insert_or_update_object", skip),
        mock.patch.object(wagtail_index, "insert_or_update_object", skip),
    ):
        yield


def load(count):
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    library = ResourceIndexPage.objects.get()
    existing = ResourcePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if existing >= count:
        print(f"{existing} benchmark resources already loaded.")
        return
    rng = random.Random(existing)  # noqa: S311 - repeatable made-up data, not security
    terms = {model: list(model.objects.filter(locale=library.locale)) for model in (Topic, Audience, Region)}
    types = list(ResourceType.objects.filter(locale=library.locale))
    documents = [download.document for download in ResourceDownload.objects.select_related("document")]
    started = time.perf_counter()
    with without_indexing():
        for number in range(existing, count):
            kind = types[number % len(types)]
            topics = rng.sample(terms[Topic], rng.randint(1, 3))
            place = PLACES[number % len(PLACES)]
            with transaction.atomic():
                library.add_child(
                    instance=ResourcePage(
                        slug=f"{SLUG_PREFIX}{number:05d}",
                        title=f"{topics[0].name}: {kind.name.lower()} from {place} {number}",
                        summary=" ".join(rng.sample(SENTENCES, 2)),
                        publication_date=f"{2018 + number % 8}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                        resource_type=kind,
                        topics=topics,
                        audiences=rng.sample(terms[Audience], rng.randint(1, 2)),
                        regions=rng.sample(terms[Region], rng.randint(0, 2)),
                        downloads=[ResourceDownload(document=documents[number % len(documents)], label=kind.name)],
                        authoring_partners=[ResourceAuthoringPartner(name=f"{place} music service")],
                        **{f"heard_{slug}": True for slug in rng.sample(demo.ALL_PRINCIPLES, rng.randint(1, 3))},
                    )
                )
            if (number + 1) % 1000 == 0:
                print(f"  {number + 1} resources ({time.perf_counter() - started:.0f} s)", flush=True)
    print("Rebuilding the search index...", flush=True)
    call_command("update_index", verbosity=0)
    print(f"Loaded in {time.perf_counter() - started:.0f} s.")


def measure(client, url, params, repeats):
    client.get(url, params)  # warm caches, as a running server would be
    timings, queries, statuses = [], [], set()
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured.captured_queries))
        statuses.add(response.status_code)
    return timings, queries, statuses


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(name, rows):
    print(f"\n{name}")
    print(f"  {'request':<72} {'p50 ms':>7} {'p95 ms':>7} {'queries':>8}")
    everything = []
    for label, (timings, queries, statuses) in rows:
        everything += timings
        query_range = f"{min(queries)}" if min(queries) == max(queries) else f"{min(queries)}-{max(queries)}"
        flag = "" if statuses == {200} else f"  status {sorted(statuses)}"
        print(
            f"  {label[:72]:<72} {statistics.median(timings):7.1f} {percentile(timings, 0.95):7.1f} "
            f"{query_range:>8}{flag}"
        )
    print(f"  {'all ' + name.lower():<72} {statistics.median(everything):7.1f} {percentile(everything, 0.95):7.1f}")
    return percentile(everything, 0.95)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=10_000, help="how many benchmark resources to load")
    parser.add_argument("--repeats", type=int, default=30, help="timed requests per URL")
    parser.add_argument("--skip-load", action="store_true", help="time what is already in the database")
    args = parser.parse_args()

    print(f"Database: {connection.vendor} ({connection.settings_dict['NAME']})")
    if not args.skip_load:
        load(args.resources)
    print(f"Live resources: {ResourcePage.objects.live().count()}")
    client = Client(HTTP_HOST="127.0.0.1")
    with override_settings(DEBUG=False):
        library = ResourceIndexPage.objects.get().url
        library_rows = [(library + url, measure(client, library + url, {}, args.repeats)) for url in LIBRARY_URLS]
        search_rows = [
            (
                "/en/search/?" + "&".join(f"{k}={v}" for k, v in params.items()),
                measure(client, "/en/search/", params, args.repeats),
            )
            for params in SEARCH_QUERIES
        ]
        autocomplete_rows = [
            (f"/en/search/autocomplete/?q={q}", measure(client, "/en/search/autocomplete/", {"q": q}, args.repeats))
            for q in ("nu", "nurture gr", "local auth")
        ]
    report("Library", library_rows)
    search_p95 = report("Search", search_rows)
    report("Autocomplete", autocomplete_rows)
    print(f"\nSearch p95: {search_p95:.1f} ms (target 50 ms)")


if __name__ == "__main__":
    main()
