"""Benchmark: server time of the back office's busiest pages with a large site.

The admin counterpart of ``benchmarks/public_pages.py``: the same seeding
(``manage.py seed_bulk`` defaults: 10,000 meetings, 2,000 delegations, 5,000
aid projects, 200 people), the same in-process client and the same baseline
in the same run, /robots.txt, so the ratio shows what each page costs beyond
the framework (and, as the machine may be shared, the CPU time of the
process as a second ratio). A superuser is logged in (the admin is never page-cached; the
anonymous page cache is off anyway).

    .venv/bin/python benchmarks/admin_pages.py                  # SQLite in a temporary folder
    .venv/bin/python benchmarks/admin_pages.py --postgres postgres://postgres@127.0.0.1:5432/postgres

With --postgres a temporary database is created on that server and dropped
afterwards. With --database (twice: the defaults, then ×10) existing seeded
databases are measured as they are, with the growth of each page (100k/10k,
of its wall-clock median as a ratio to the baseline). The baseline is timed
again just before each page, so that both see the machine at the same speed.
Run from the project root.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import public_pages  # noqa: E402  (the seeding and the database set-up are shared)

ROOT = public_pages.ROOT


def pages() -> list[tuple[str, str]]:
    """(label, URL) of the pages measured, with ids looked up in the seeded data."""
    from django.conf import settings

    from aid.models import AidProject
    from delegations.models import Delegation
    from meetings.models import Meeting

    admin = "/" + settings.ADMIN_URL.strip("/") + "/"
    meeting = Meeting.objects.get(slug="synthetic-meeting-5").pk
    delegation = Delegation.objects.get(slug="synthetic-delegation-5").pk
    project = AidProject.objects.get(slug="synthetic-project-7").pk
    return [
        ("/robots.txt (baseline)", "/robots.txt"),
        ("meetings", f"{admin}meetings/meeting/"),
        ("meetings, a search", f"{admin}meetings/meeting/?q=synthetic+meeting+42"),
        ("meetings, a country", f"{admin}meetings/meeting/?country=JP"),
        ("a meeting (change form)", f"{admin}meetings/meeting/{meeting}/change/"),
        ("delegations", f"{admin}delegations/delegation/"),
        ("a delegation (change form)", f"{admin}delegations/delegation/{delegation}/change/"),
        ("aid projects", f"{admin}aid/aidproject/"),
        ("a project (change form)", f"{admin}aid/aidproject/{project}/change/"),
        ("people", f"{admin}commission/person/"),
        ("people, a search", f"{admin}commission/person/?q=person+42"),
    ]


def measure(runs: int) -> list[tuple]:
    """(page, median ms, p95 ms, median CPU ms, the same two medians of the
    baseline, and the medians of the page's ratios to the baseline timed just
    before each of its requests: wall-clock, CPU)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    cache.clear()  # nothing kept from another database's run
    from django.test import Client, override_settings

    user, _created = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    results = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        for label, url in pages():
            response = client.get(url)  # warm up
            assert response.status_code == 200, (url, response.status_code)
            # The baseline is timed just before each request of the page (three
            # times, their median), and each request's ratio taken to it: a machine
            # whose speed changes from one second to the next (shared with other
            # work) changes both alike.
            page, baseline = _Timer(), _Timer()
            for _ in range(3):
                client.get(BASELINE)
            ratios, cpu_ratios = [], []
            for _ in range(runs):
                around = _Timer()
                for _ in range(3):
                    around.time(client, BASELINE)
                page.time(client, url)
                wall, cpu = around.medians()
                baseline.times.append(wall)
                baseline.cpu.append(cpu)
                ratios.append(page.times[-1] / wall)
                cpu_ratios.append(page.cpu[-1] / cpu)
            results.append(
                (
                    label,
                    page.median(),
                    page.p95(),
                    page.median_cpu(),
                    *baseline.medians(),
                    statistics.median(ratios),
                    statistics.median(cpu_ratios),
                )
            )
    return results


BASELINE = public_pages.BASELINE


class _Timer:
    def __init__(self):
        self.times, self.cpu = [], []

    def time(self, client, url: str) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        self.times.append((time.perf_counter() - start) * 1000)
        self.cpu.append((time.process_time() - start_cpu) * 1000)

    def median(self) -> float:
        return statistics.median(self.times)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def medians(self) -> tuple[float, float]:
        return self.median(), self.median_cpu()

    def p95(self) -> float:
        return public_pages.p95(self.times)


def report(results) -> None:
    """Wall-clock times, and the CPU time of this process (not the database's),
    each as the median of the ratios of the page's requests to the baseline
    timed just before each: on a machine shared with other work, the CPU ratio
    moves less with the load."""
    print(f"{'page':36} {'median ms':>9} {'p95 ms':>7} {'× robots':>8} {'CPU ms':>7} {'CPU ×':>6}")
    for label, median, p95, cpu, _baseline, _baseline_cpu, ratio, cpu_ratio in results:
        print(f"{label:36} {median:9.1f} {p95:7.1f} {ratio:8.1f} {cpu:7.1f} {cpu_ratio:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    public_pages.add_database_options(parser, runs=20)
    options = parser.parse_args()
    if options.child:
        results = measure(options.runs)
        report(results)
        Path(options.child).write_text(json.dumps(results))
        return
    env = public_pages.environment()
    if options.database:
        runs = [
            public_pages.run(env, url, options.runs, seeded=True, script=__file__)
            for url in options.database
        ]
        report_growth(runs)
        return
    public_pages.run(env, options.postgres, options.runs, script=__file__)


def report_growth(runs) -> None:
    if len(runs) < 2:
        return
    small, large = runs
    print()
    print(f"{'page':36} {'10k CPU ×':>9} {'100k CPU ×':>10} {'100k/10k':>8}")
    for row, large_row in zip(small, large, strict=True):
        label, *_times, ratio, cpu_ratio = row
        *_large_times, large_ratio, large_cpu_ratio = large_row
        # The growth of the page's ratio to its baseline (the two databases are
        # measured minutes apart: the machine's speed may differ between them).
        growth = large_ratio / ratio
        print(f"{label:36} {cpu_ratio:9.1f} {large_cpu_ratio:10.1f} {growth:8.2f}")


if __name__ == "__main__":
    main()
