#!/usr/bin/env python3
"""A bounded load test: N connections for D seconds against the site under gunicorn, on this machine only.

    .venv/bin/python benchmarks/load_test.py --serve                # start gunicorn, load it, stop it
    .venv/bin/python benchmarks/load_test.py --base-url http://127.0.0.1:8104   # a server already running

With --serve it prepares a production-like server: production settings (DEBUG off), the
database in DATABASE_URL with its MEDIA_ROOT (a temporary SQLite file and folder if unset)
migrated and given the demo content, static files collected, gunicorn bound to 127.0.0.1.
REDIS_URL is passed through.

The URLs are found by following links from the home page (every page type the demo builds),
plus searches and a missing page. It prints throughput, latency and status counts, and exits
non-zero if any request failed (a connection error or timeout) or got a 5xx.
Targets are refused unless they are on the loopback interface. Subprocesses run only this
project's own manage.py and gunicorn, with fixed arguments.
"""

import argparse
import http.client
import ipaddress
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess  # nosec B404
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SEARCHES = ["/en/search/?q=music", "/en/search/?q=inclusion+music+services", "/en/search/?q=music&page=2"]
NOT_FOUND = "/en/no-such-page-for-the-load-test/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def loopback_only(base_url):
    host = urlsplit(base_url).hostname or ""
    try:
        is_loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        is_loopback = False
    if not is_loopback:
        sys.exit(f"Refusing to load {host!r}: this script only targets servers on 127.0.0.1 / localhost.")


def get(base_url, path, timeout=30):
    """GET path; return (status, body). Raises on connection errors and timeouts."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": parts.netloc, "User-Agent": "changingtracks-load-test"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def discover(base_url, limit=40):
    """Same-site page links reachable from the home page, breadth first, plus searches and a 404."""
    found, queue = [], ["/en/"]
    while queue and len(found) < limit:
        path = queue.pop(0)
        if path in found:
            continue
        status, body = get(base_url, path)
        if status != 200:
            continue
        found.append(path)
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        for href in parser.hrefs:
            url = urlsplit(urljoin(base_url + path, href))
            if url.netloc == urlsplit(base_url).netloc and re.match(r"^/[a-z]{2}/", url.path) and not url.query:
                queue.append(url.path)
    return found + SEARCHES + [NOT_FOUND]


def load(base_url, paths, connections, duration):
    """Each connection requests the paths in turn until the time is up."""
    statuses, errors, latencies, by_path = Counter(), Counter(), [], defaultdict(list)
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker(offset):
        index = offset
        while time.monotonic() < deadline:
            path = paths[index % len(paths)]
            index += 1
            started = time.monotonic()
            try:
                status, _body = get(base_url, path)
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors[f"{type(error).__name__} on {path}"] += 1
                continue
            elapsed = time.monotonic() - started
            with lock:
                statuses[status] += 1
                latencies.append(elapsed)
                by_path[path].append(elapsed)
                if status >= 500:
                    errors[f"HTTP {status} on {path}"] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, errors, latencies, by_path, time.monotonic() - started


WRK = shutil.which("wrk")
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
MILLISECONDS = {"us": 0.001, "ms": 1, "s": 1000}


def wrk_load(base_url, path, connections, duration):
    """Load one path with wrk (Debian's package), which needs far less CPU than Python threads.

    Returns requests per second, p50 and p99 in ms, the number of requests and how many
    were not 2xx or 3xx, or failed (connection errors and timeouts).
    """
    command = [
        WRK,
        f"--threads={min(2, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(duration))}s",
        # A new connection per request, as from a reverse proxy without keep-alive to the app server
        # (nginx's default) and as the Python threads do: kept-alive connections would stay with
        # whichever gunicorn worker accepted them first, leaving the others idle.
        "--header=Connection: close",
        "--latency",
        base_url + path,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603  # nosec B603
    latencies = {int(point): float(value) * MILLISECONDS[unit] for point, value, unit in WRK_LATENCY.findall(output)}
    requests = int(re.search(r"(\d+) requests in", output)[1])
    not_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": latencies[50],
        "p99": latencies[99],
        "requests": requests,
        "not_ok": int(not_ok[1]) if not_ok else 0,
        "failed": sum(int(count) for count in socket_errors.groups()) if socket_errors else 0,
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(paths, connections, statuses, errors, latencies, by_path, elapsed):
    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    failed = sum(count for key, count in errors.items() if not key.startswith("HTTP "))
    print(f"\nURLs: {len(paths)} ({len(paths) - len(SEARCHES) - 1} pages, {len(SEARCHES)} searches, 1 missing page)")
    print(f"Load: {connections} connections for {elapsed:.1f} s")
    print(f"Requests: {total + failed}, {total / elapsed:.1f} per second")
    print("Statuses: " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    if latencies:
        print(
            "Latency (ms): "
            f"mean {statistics.mean(latencies) * 1000:.0f}, p50 {percentile(latencies, 0.5) * 1000:.0f}, "
            f"p90 {percentile(latencies, 0.9) * 1000:.0f}, p99 {percentile(latencies, 0.99) * 1000:.0f}, "
            f"max {max(latencies) * 1000:.0f}"
        )
        slowest = sorted(by_path.items(), key=lambda item: -statistics.mean(item[1]))[:5]
        print("Slowest URLs (mean ms): " + ", ".join(f"{path} {statistics.mean(t) * 1000:.0f}" for path, t in slowest))
    print(f"Errors (connection failures and timeouts): {failed}")
    print(f"5xx responses: {server_errors}")
    for key, count in errors.most_common(10):
        print(f"  {count} x {key}")
    return failed == 0 and server_errors == 0


def port_in_use(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603  # nosec B603


def serve(port, workers, threads, workdir, extra_env=None):
    """Start gunicorn with production settings (and extra_env); return the process (its own process group)."""
    env = {
        **os.environ,
        **(extra_env or {}),
        "DJANGO_SETTINGS_MODULE": "changingtracks.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }
    if port_in_use(port):
        # Another server there would answer the health check and be measured instead of this one.
        sys.exit(f"Something is already listening on 127.0.0.1:{port}: choose another --port.")
    if "DATABASE_URL" not in env:
        # A scratch site: a new database and media folder, removed afterwards.
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'load-test.sqlite3'}"
        env["MEDIA_ROOT"] = str(workdir / "media")
    print(f"Preparing {env['DATABASE_URL'].split('@')[-1]} and static files...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "-v0")
    log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    command = [
        str(Path(PYTHON).with_name("gunicorn")),
        "changingtracks.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--timeout=60",
    ]
    print(" ".join(command[1:]), flush=True)
    process = subprocess.Popen(  # noqa: S603  # nosec B603
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(60):
        try:
            status, body = get(base_url, "/health/", timeout=2)
        except OSError:
            pass
        else:
            # Up, healthy or not: a load test with Redis down is one worth running.
            print(f"Health: {status} {body.decode()}", flush=True)
            return process, base_url
        if process.poll() is not None:
            break
        time.sleep(1)
    os.killpg(process.pid, signal.SIGTERM)
    sys.exit(f"gunicorn did not start; see {workdir / 'gunicorn.log'}")


def stop(process, workdir):
    """Stop gunicorn, print the errors its log recorded and remove its working folder."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        # Workers still busy with requests the load left queued: stop them at once.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    server_log = (workdir / "gunicorn.log").read_text()
    errors_logged = [line for line in server_log.splitlines() if '"level": "ERROR"' in line]
    print(f"Errors in the server's log: {len(errors_logged)}")
    print("\n".join(errors_logged[:5]))
    shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", help="a server already running on 127.0.0.1 (instead of --serve)")
    parser.add_argument("--serve", action="store_true", help="start gunicorn with production settings, then stop it")
    parser.add_argument("--port", type=int, default=8104)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (with --serve)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (with --serve)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=float, default=60, help="seconds, at most 300")
    args = parser.parse_args()
    if not (args.serve or args.base_url):
        parser.error("give --serve or --base-url")
    duration = min(args.duration, 300)

    workdir = Path(tempfile.mkdtemp(prefix="ct-load-"))
    process = None
    try:
        if args.serve:
            process, base_url = serve(args.port, args.workers, args.threads, workdir)
        else:
            base_url = args.base_url.rstrip("/")
        loopback_only(base_url)
        paths = discover(base_url)
        print(f"Loading {base_url} with {args.connections} connections for {duration:.0f} s...", flush=True)
        ok = report(paths, args.connections, *load(base_url, paths, args.connections, duration))
    finally:
        if process is not None:
            stop(process, workdir)
        shutil.rmtree(workdir, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
