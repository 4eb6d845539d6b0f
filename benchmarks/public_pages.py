"""Benchmark: server time of every public page with a large, synthetic site.

Seeds a fresh database with 10,000 meetings, 2,000 delegations and 5,000 aid
projects (``manage.py seed_bulk``), then requests each page repeatedly through
Django's test client, in process, and reports the median and 95th percentile
time per page, first with the anonymous page cache off (the work of
rendering it), then from the page cache (what later visitors get). The
baseline, measured in the same run, is /robots.txt: the same middleware and
URL routing with almost no work, so the ratio shows what each page costs
beyond the framework.

    .venv/bin/python benchmarks/public_pages.py                  # SQLite in a temporary folder
    .venv/bin/python benchmarks/public_pages.py --postgres postgres://postgres@127.0.0.1:5432/postgres

With --postgres a temporary database is created on that server and dropped
afterwards. Run from the project root.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PAGES = [
    "/robots.txt",
    "/en/",
    "/en/meetings/",
    "/en/meetings/?country=JP",
    "/en/meetings/?country=JP&kind=bilateral",
    "/en/meetings/2026/",
    "/en/meetings/2026/synthetic-meeting-5/",
    "/en/delegations/",
    "/en/delegations/2026/synthetic-delegation-5/",
    "/en/aid/",
    "/en/aid/?region=BY-BR&status=implementation",
    "/en/aid/programmes/synthetic-programme-3/",
    "/en/aid/projects/synthetic-project-7/",
    "/en/countries/",
    "/en/countries/JP/",
    "/en/members/",
    "/en/search/?q=synthetic+meeting+42",
    "/ru/meetings/",
    "/en/meetings/feed/rss/",
    "/sitemap-meetings.xml",
]


def seed(env: dict) -> None:
    for command in (["migrate", "--noinput"], ["seed_bulk"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def measure(runs: int) -> list[tuple[str, float, float, float]]:
    """(page, median ms, p95 ms without the page cache, median ms from the page cache)."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client, override_settings

    client = Client()
    results = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        uncached = _timings(client, runs)
    cache.clear()
    cached = _timings(client, runs)
    for (url, median, p95), (_url, cached_median, _p95) in zip(uncached, cached, strict=True):
        results.append((url, median, p95, cached_median))
    return results


def _timings(client, runs: int) -> list[tuple[str, float, float]]:
    results = []
    for url in PAGES:
        response = client.get(url)  # warm up
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        results.append((url, statistics.median(times), p95))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="Requests per page.")
    parser.add_argument(
        "--postgres", help="A PostgreSQL server URL to create a temporary database on."
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        report(measure(options.runs))
        return
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DEBUG": "true", "LOG_LEVEL": "WARNING", "SERVE_MEDIA": "false"}
        database = None
        if options.postgres:
            import psycopg

            database = f"commission_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(options.postgres, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{database}"')
            env["DATABASE_URL"] = options.postgres.rsplit("/", 1)[0] + f"/{database}"
        else:
            env["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        try:
            print(f"Seeding {env['DATABASE_URL'].split('://')[0]}…", flush=True)
            seed(env)
            subprocess.run(
                [sys.executable, __file__, "--child", f"--runs={options.runs}"],
                cwd=ROOT,
                env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
                check=True,
            )
        finally:
            if database:
                import psycopg

                with psycopg.connect(options.postgres, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def report(results) -> None:
    baseline = results[0][1]
    print(f"{'page':48} {'median ms':>9} {'p95 ms':>7} {'× robots':>8} {'cached ms':>9}")
    for url, median, p95, cached in results:
        print(f"{url:48} {median:9.1f} {p95:7.1f} {median / baseline:8.1f} {cached:9.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
