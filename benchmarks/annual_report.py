"""Benchmark: the annual report of a large year, in every format.

Seeds a fresh SQLite database (in a temporary folder) with 10,000 meetings,
2,000 delegations and 5,000 aid projects, all in one year, then makes the
report in each format in a fresh process, reporting wall time and the peak
resident memory of that process. The baseline, measured in the same run, is
the query work alone: reading every row of the report without writing a file.

    .venv/bin/python benchmarks/annual_report.py [--meetings N] [--projects N]

Run from the project root. Targets: each format under 10 s and 500 MB.

Before and after a change: ``--other PATH`` names a checkout of the other
version (``git worktree add /tmp/before main`` or ``git archive main | tar -x
-C /tmp/before``); both write the report from the same seeded database, in
turns, ``--repeat`` times each, and the medians are compared as ratios to
each version's own row-reading baseline and to each other.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import io, json, os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from reports.data import AnnualReport
from reports.writers import write
mode, year, output = sys.argv[1], int(sys.argv[2]), sys.argv[3]
report = AnnualReport(year)
start = time.perf_counter()
if mode == "rows":
    for rows in (report.meeting_rows, report.delegation_rows, report.project_rows):
        for _row in rows():
            pass
    report.summary()
else:
    with open(output, "wb") as stream:
        write(report, mode, stream)
seconds = time.perf_counter() - start
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"seconds": seconds, "peak_kib": peak}))
"""


def run(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def measure(env: dict, mode: str, year: int, output: str, root: Path = ROOT) -> dict:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(year), output],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    data["wall"] = time.perf_counter() - start
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--delegations", type=int, default=2_000)
    parser.add_argument("--projects", type=int, default=5_000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--other", type=Path, help="a checkout of the version to compare with")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each with --other")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "DEBUG": "true",
            "LOG_LEVEL": "WARNING",
        }
        print("Seeding…", flush=True)
        run(env, "migrate", "--noinput")
        run(
            env,
            "seed_bulk",
            "--one-year",
            f"--year={options.year}",
            f"--meetings={options.meetings}",
            f"--delegations={options.delegations}",
            f"--projects={options.projects}",
        )
        print(
            f"{options.meetings} meetings, {options.delegations} delegations, "
            f"{options.projects} aid projects in {options.year}\n"
        )
        if options.other:
            compare(env, options, folder)
            return
        baseline = measure(env, "rows", options.year, "")
        print(f"{'format':8} {'seconds':>8} {'× rows':>7} {'peak MiB':>9} {'file KiB':>9}")
        peak = baseline["peak_kib"] / 1024
        print(f"{'(rows)':8} {baseline['seconds']:8.2f} {1:7.1f} {peak:9.0f}")
        for file_format in ("xlsx", "docx", "csv", "json"):
            output = f"{folder}/report.{file_format}"
            result = measure(env, file_format, options.year, output)
            ratio = result["seconds"] / baseline["seconds"]
            print(
                f"{file_format:8} {result['seconds']:8.2f} {ratio:7.1f} "
                f"{result['peak_kib'] / 1024:9.0f} {os.path.getsize(output) / 1024:9.0f}"
            )


def compare(env: dict, options, folder: str) -> None:
    """Both versions from the same database, taking turns; medians of each."""
    import statistics

    roots = {"other": options.other.resolve(), "this": ROOT}
    modes = ("rows", "xlsx", "docx", "csv", "json")
    times: dict[tuple[str, str], list[float]] = {}
    for _run in range(options.repeat):
        for mode in modes:
            for name, root in roots.items():
                output = f"{folder}/{name}.{mode}"
                result = measure(env, mode, options.year, output, root)
                times.setdefault((name, mode), []).append(result["seconds"])
    median = {key: statistics.median(values) for key, values in times.items()}
    print(f"medians of {options.repeat} runs; × rows: against the same version's row reading")
    print(
        f"{'format':8} {'other s':>8} {'× rows':>7} {'this s':>8} {'× rows':>7} {'this/other':>10}"
    )
    for mode in modes:
        other, this = median[("other", mode)], median[("this", mode)]
        print(
            f"{mode:8} {other:8.2f} {other / median[('other', 'rows')]:7.2f} "
            f"{this:8.2f} {this / median[('this', 'rows')]:7.2f} {this / other:10.2f}"
        )


if __name__ == "__main__":
    main()
