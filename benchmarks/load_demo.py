"""Benchmark: how long `load_demo` takes with the sample set, against the facts alone.

Each run migrates a fresh SQLite database and media folder (in a temporary
folder), then times, each as its own `manage.py` process as `make run` calls
it (development settings, photo variants made at once):

- baseline: `load_demo --without-samples` (the facts of DOMAIN.md only);
- `load_demo` (facts, sample set, sample photos and their variants), in a second
  fresh database;
- `load_demo` again on that database (nothing new: updates only);
- `remove_samples` on that database.

    .venv/bin/python benchmarks/load_demo.py [--runs N]

Run from the project root. Reports the median seconds of each step and its
ratio to the baseline of the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(env: dict, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def fresh(folder: Path, name: str) -> dict:
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{folder}/{name}.sqlite3",
        "MEDIA_ROOT": str(folder / f"{name}-media"),
        "LOG_LEVEL": "WARNING",
    }
    timed(env, "migrate", "--noinput")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    steps: dict[str, list[float]] = {
        "load_demo --without-samples (baseline)": [],
        "load_demo (with samples)": [],
        "load_demo again (updates only)": [],
        "remove_samples": [],
    }
    names = list(steps)
    for run in range(options.runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            steps[names[0]].append(timed(fresh(folder, "facts"), "load_demo", "--without-samples"))
            env = fresh(folder, "samples")
            steps[names[1]].append(timed(env, "load_demo"))
            steps[names[2]].append(timed(env, "load_demo"))
            steps[names[3]].append(timed(env, "remove_samples"))
        print(f"run {run + 1}: " + ", ".join(f"{times[-1]:.2f} s" for times in steps.values()))
    baseline = statistics.median(steps[names[0]])
    print()
    print("| step | median s | × baseline |")
    print("| --- | ---: | ---: |")
    for name, times in steps.items():
        median = statistics.median(times)
        print(f"| {name} | {median:.2f} | {median / baseline:.1f} |")


if __name__ == "__main__":
    main()
