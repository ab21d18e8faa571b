#!/usr/bin/env python3
"""Lighthouse (mobile) on one page of every page type and a search, served like production.

    .venv/bin/python benchmarks/lighthouse.py                  # scratch site, 3 runs a page
    .venv/bin/python benchmarks/lighthouse.py --runs 5 --reports /tmp/lighthouse-reports

It builds a scratch site in a temporary folder (a SQLite database with the demo content, its
media, collectstatic into its own STATIC_ROOT), serves it with gunicorn and production settings
(DEBUG off, whitenoise; /media/images/ as the reverse proxy would, see media_wsgi.py) on
127.0.0.1, then runs Lighthouse from npm against Debian's Chromium. Lighthouse is installed
once into --lighthouse-dir (outside the repository) with npm; nothing else uses the network.

Prints each page's scores and Core Web Vitals from the median run (by performance score) and
the audits that lost points. Exits non-zero if a page is missing or Lighthouse fails.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIGHTHOUSE_VERSION = "12.8.2"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}
# A search is noindex by design, so Lighthouse's SEO check "page is blocked from indexing" is
# expected to fail there; the page types are found in the demo (tests/public_urls.py).
SEARCH_PATH = "/en/search/?q=music+inclusion"
LIST_PAGES = """
import json
from tests.public_urls import one_live_page_per_type
print(json.dumps({cls.__name__: page.url for cls, page in one_live_page_per_type().items()}))
"""


def lighthouse_binary(directory):
    """Lighthouse from npm, installed into directory the first time."""
    binary = directory / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {directory}...", flush=True)
        directory.mkdir(parents=True, exist_ok=True)
        package = f"lighthouse@{LIGHTHOUSE_VERSION}"
        command = ["npm", "install", "--prefix", str(directory), "--no-audit", "--no-fund", package]
        subprocess.run(command, check=True)  # noqa: S603, S607  # nosec B603 B607
    return binary


def manage(env, *args):
    """Runs a management command in the scratch site; returns what it printed."""
    finished = subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return finished.stdout


def serve(workdir, port):
    """A scratch site under gunicorn with production settings; returns the process, its base URL and its pages."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "changingtracks.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    print(f"Preparing the scratch site in {workdir}...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    pages = {**json.loads(manage(env, "shell", "-c", LIST_PAGES).splitlines()[-1]), "search": SEARCH_PATH}
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "--pythonpath=benchmarks",
        "media_wsgi:application",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--threads=4",
        "--worker-class=gthread",
    ]
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(30):
        try:
            urllib.request.urlopen(base_url + "/health/", timeout=2)  # noqa: S310  # nosec B310
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(1)
        else:
            return process, base_url, pages
    os.killpg(process.pid, signal.SIGTERM)
    sys.exit(f"gunicorn did not start; see {workdir / 'gunicorn.log'}")


def run_lighthouse(binary, url, report_path, chrome, cpu_slowdown):
    """One Lighthouse run; tried twice, as a trace now and then fails to record on a busy machine."""
    command = [
        str(binary),
        url,
        "--quiet",
        "--form-factor=mobile",
        f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--output=json",
        f"--output-path={report_path}",
    ]
    for _attempt in range(2):
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome})  # noqa: S603  # nosec B603
        report = json.loads(report_path.read_text()) if finished.returncode == 0 else {}
        if report and not report.get("runtimeError"):
            return report
    sys.exit(f"Lighthouse could not test {url} twice in a row; see {report_path}")


def median_run(reports):
    """The run with the median performance score, as Lighthouse's docs advise for noisy machines."""
    ranked = sorted(reports, key=lambda report: report["categories"]["performance"]["score"])
    return ranked[(len(ranked) - 1) // 2]


def lost_points(report):
    """The scored audits that did not pass, as 'category: audit (value)'."""
    lost = []
    for category in report["categories"].values():
        for reference in category["auditRefs"]:
            audit = report["audits"][reference["id"]]
            if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{category['id']}: {audit['id']} ({audit.get('displayValue') or audit['score']})")
    return lost


def summarise(name, reports):
    report = median_run(reports)
    scores = " ".join(f"{category} {round(report['categories'][category]['score'] * 100)}" for category in CATEGORIES)
    performance = [round(run["categories"]["performance"]["score"] * 100) for run in reports]
    metrics = ", ".join(f"{label} {report['audits'][audit_id]['displayValue']}" for label, audit_id in METRICS.items())
    benchmark = round(statistics.median(run["environment"]["benchmarkIndex"] for run in reports))
    print(f"{name:16} {scores}  (performance in each run: {performance}; machine's benchmark index {benchmark})")
    print(f"{'':16} {metrics}")
    for line in lost_points(report):
        print(f"{'':16} lost: {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is reported)")
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--lighthouse-dir", type=Path, default=Path.home() / ".cache" / "changingtracks-lighthouse")
    parser.add_argument(
        "--cpu-slowdown",
        type=float,
        default=4,
        help="Lighthouse's CPU throttling (4, its default, emulates a mid-range phone)",
    )
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    args = parser.parse_args()

    binary = lighthouse_binary(args.lighthouse_dir)
    workdir = Path(tempfile.mkdtemp(prefix="ct-lighthouse-"))
    reports_dir = args.reports or workdir / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    process = None
    try:
        process, base_url, pages = serve(workdir, args.port)
        for name, path in pages.items():
            for _worker in range(4):  # a 404 raises; the repeats warm every worker's caches
                urllib.request.urlopen(base_url + path, timeout=30)  # noqa: S310  # nosec B310
            reports = [
                run_lighthouse(
                    binary, base_url + path, reports_dir / f"{name}-{run}.json", args.chrome, args.cpu_slowdown
                )
                for run in range(1, args.runs + 1)
            ]
            summarise(name, reports)
    finally:
        if process is not None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    if args.reports:
        print(f"Reports: {args.reports}")


if __name__ == "__main__":
    main()
