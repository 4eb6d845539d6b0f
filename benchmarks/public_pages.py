"""Benchmark: server time of every public page with a large, synthetic site.

Seeds a fresh database with 10,000 meetings, 2,000 delegations and 5,000 aid
projects (``manage.py seed_bulk``), then requests each page repeatedly through
Django's test client, in process, and reports the median and 95th percentile
time per page, first with the anonymous page cache off (the work of
rendering it), then just after a change (the content version bumped before
each request, as an admin save does: totals, counts and open data files are
computed again), then from the page cache (what later visitors get). The
baseline, timed again just before each page, is /robots.txt: the same
middleware and URL routing with almost no work, so the ratio shows what each
page costs beyond the framework.

    .venv/bin/python benchmarks/public_pages.py                  # SQLite in a temporary folder
    .venv/bin/python benchmarks/public_pages.py --postgres postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python benchmarks/public_pages.py --postgres "$PG" --growth   # PG: as above

With --postgres a temporary database is created on that server and dropped
afterwards. With --growth the same pages are measured a second time on a
second database seeded with ten times the data (100,000 meetings, 20,000
delegations, 50,000 projects; seeding takes a few minutes), and the growth of
each page's ratio to the baseline (100k/10k) is reported. --database URL measures
an existing, already seeded database instead (nothing created or dropped);
given twice (a database seeded with the defaults, then one seeded ×10), it
reports the growth figures too:

    .venv/bin/python manage.py seed_bulk                # into each database, after migrate
    .venv/bin/python manage.py seed_bulk --meetings=100000 --delegations=20000 --projects=50000
    .venv/bin/python benchmarks/public_pages.py --database "$PG/bench10k" --database "$PG/bench100k"
Run from the project root.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
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
    "/ru/meetings/",
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
    "/en/search/?q=meeting",
    "/en/search/?q=synthetic+meeting+42",
    "/en/meetings/feed/rss/",
    "/sitemap-meetings.xml",
    "/en/open-data/calendar.ics",
    "/en/open-data/meetings.csv",
    "/en/open-data/iati-activities.xml",
]
#: Open data files are large: fewer requests each.
SLOW_PAGES = {
    "/en/open-data/calendar.ics",
    "/en/open-data/meetings.csv",
    "/en/open-data/iati-activities.xml",
}


def seed(env: dict, scale: int = 1) -> None:
    amounts = [
        f"--meetings={10_000 * scale}",
        f"--delegations={2_000 * scale}",
        f"--projects={5_000 * scale}",
    ]
    for command in (["migrate", "--noinput"], ["seed_bulk", *amounts]):
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

    from core.page_cache import bump_content_version

    cache.clear()  # nothing kept from another database's run
    client = Client()
    results = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        uncached = _timings(client, runs)
        # The first render after an admin save: what is kept until the content
        # changes (totals, counts, open data files) is computed again.
        changed = _timings(client, max(3, runs // 3), before=bump_content_version)
    cache.clear()
    cached = _timings(client, runs)
    for (url, median, p95, base), (_u, changed_median, _p, changed_base), cached_row in zip(
        uncached, changed, cached, strict=True
    ):
        # Each ratio against the baseline timed just before that page.
        results.append((url, median, p95, cached_row[1], changed_median, base, changed_base))
    return results


BASELINE = "/robots.txt"


def _timings(client, runs: int, before=None) -> list[tuple[str, float, float, float]]:
    """(page, median ms, p95 ms, median ms of the baseline timed just before the
    page, as many times in a row: a machine whose speed changes over the minutes
    of a run changes both alike)."""
    results = []
    for url in PAGES:
        response = client.get(url)  # warm up
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)
        count = max(3, runs // 5) if url in SLOW_PAGES else runs
        for _ in range(3):
            client.get(BASELINE)
        baseline = []
        for _ in range(count):
            start = time.perf_counter()
            client.get(BASELINE)
            baseline.append((time.perf_counter() - start) * 1000)
        times = []
        for _ in range(count):
            if before:
                before()
            start = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            assert response.status_code == 200, (url, response.status_code)
            times.append((time.perf_counter() - start) * 1000)
        results.append((url, statistics.median(times), p95(times), statistics.median(baseline)))
    return results


def p95(times: list[float]) -> float:
    """The 95th percentile of a page's times (the nearest rank)."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_database_options(parser, runs=30)
    parser.add_argument(
        "--growth", action="store_true", help="Measure again with 10x the data, report 100k/10k."
    )
    options = parser.parse_args()
    if options.child:
        results = measure(options.runs)
        report(results)
        Path(options.child).write_text(json.dumps(results))
        return
    env = environment()
    if options.database:
        report_growth([run(env, url, options.runs, seeded=True) for url in options.database])
        return
    runs = [run(env, options.postgres, options.runs, scale=1)]
    if options.growth:
        runs.append(run(env, options.postgres, options.runs, scale=10))
    report_growth(runs)


#: The cache the benchmarks use when no CACHE_URL is set (emptied first).
REDIS_URL = "redis://127.0.0.1:6379/6"


def add_database_options(parser: argparse.ArgumentParser, *, runs: int) -> None:
    """The options both page benchmarks take: requests per page and where to measure."""
    parser.add_argument("--runs", type=int, default=runs, help="Requests per page.")
    parser.add_argument(
        "--postgres", help="A PostgreSQL server URL to create a temporary database on."
    )
    parser.add_argument(
        "--database",
        action="append",
        help="An existing, seeded database to measure as it is; give a second one"
        " (seeded ×10) for the growth figures.",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)


def environment() -> dict:
    """The settings the pages are measured with: production's (DEBUG off).

    Production's template engine, database connections kept between requests
    (``CONN_MAX_AGE``) and hashed static files, collected once per run into a
    temporary folder, Redis as the cache (database 6, emptied; set CACHE_URL
    to choose another). Only what an in-process HTTP client needs differs: no
    redirect to HTTPS, the client's host allowed, and the admin benchmark's
    user logged in without a second factor.
    """
    static_root = Path(tempfile.mkdtemp(prefix="commission-bench-static-"))
    atexit.register(shutil.rmtree, static_root, ignore_errors=True)
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",
        "ADMIN_REQUIRE_2FA": "false",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
        "SERVE_MEDIA": "false",
        "CONN_MAX_AGE": "60",
    }
    # Production's shared cache (README, Production) where a Redis answers: the
    # open data files of a large site do not fit the default in-process cache.
    env.setdefault("CACHE_URL", REDIS_URL)
    if env["CACHE_URL"] == REDIS_URL:
        import redis

        try:
            redis.Redis.from_url(REDIS_URL).flushdb()
        except redis.exceptions.ConnectionError:
            print(f"No Redis at {REDIS_URL}: the in-process cache is used.", flush=True)
            env["CACHE_URL"] = "locmemcache://"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": "sqlite:///:memory:"},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return env


def run(
    env: dict,
    server: str | None,
    runs: int,
    *,
    scale: int = 1,
    seeded: bool = False,
    script: str = __file__,
):
    """Seed a fresh database (unless ``seeded``) and measure it in a child process
    running ``script`` with ``--child`` (this benchmark, or the admin's)."""
    with tempfile.TemporaryDirectory() as folder:
        database = None
        if seeded:
            env = {**env, "DATABASE_URL": server}
        elif server:
            import psycopg

            database = f"commission_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(server, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{database}"')
            env = {**env, "DATABASE_URL": server.rsplit("/", 1)[0] + f"/{database}"}
        else:
            env = {**env, "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"}
        try:
            if not seeded:
                print(f"Seeding {env['DATABASE_URL'].split('://')[0]} ×{scale}…", flush=True)
                start = time.perf_counter()
                seed(env, scale)
                print(f"  seeded in {time.perf_counter() - start:.0f} s", flush=True)
            output = Path(folder) / "results.json"
            subprocess.run(
                [sys.executable, script, f"--child={output}", f"--runs={runs}"],
                cwd=ROOT,
                env={
                    **env,
                    "PYTHONPATH": str(ROOT),
                    "DJANGO_SETTINGS_MODULE": os.environ.get(
                        "DJANGO_SETTINGS_MODULE", "config.settings"
                    ),
                },
                check=True,
            )
            return json.loads(output.read_text())
        finally:
            if database:
                import psycopg

                with psycopg.connect(server, autocommit=True) as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def report_growth(runs) -> None:
    if len(runs) < 2:
        return
    small, large = runs
    print()
    print(f"{'page':48} {'10k ×robots':>11} {'100k ×robots':>12} {'100k/10k':>8}")
    for row, large_row in zip(small, large, strict=True):
        url, median, base = row[0], row[1], row[5]
        large_median, large_base = large_row[1], large_row[5]
        # The growth of the page's ratio to its baseline (the two databases are
        # measured minutes apart: the machine's speed may differ between them).
        growth = (large_median / large_base) / (median / base)
        print(f"{url:48} {median / base:11.1f} {large_median / large_base:12.1f} {growth:8.2f}")


def report(results) -> None:
    """Per page: rendered afresh (page cache off), from the page cache, and just after a change."""
    print(
        f"{'page':48} {'median ms':>9} {'p95 ms':>7} {'× robots':>8} {'cached ms':>9}"
        f" {'after a change ms':>17} {'× robots':>8}"
    )
    for url, median, p95, cached, changed, baseline, changed_baseline in results:
        print(
            f"{url:48} {median:9.1f} {p95:7.1f} {median / baseline:8.1f} {cached:9.2f}"
            f" {changed:17.1f} {changed / changed_baseline:8.1f}"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
