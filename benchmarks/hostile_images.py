"""Feed every file of Pillow's own test-image collection through the photo checks.

Each file goes through the upload validation and, when accepted, the variant
generation, in a separate process with a time limit, and the script counts
what was accepted, what was refused and why, and anything that crashed or
hung (neither of which may happen).

    .venv/bin/python benchmarks/hostile_images.py [FOLDER]

Without FOLDER it uses Pillow's Tests/images for the installed version,
downloaded once from PyPI into var/ (the same copy the test suite uses).
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIME_LIMIT = 20.0

from tests.photos.pillow_images import image_files, pillow_test_images  # noqa: E402


def check(path: str) -> tuple[str, str]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files import File

    from photos.processing import render_variants
    from photos.validation import validate_image_file

    with open(path, "rb") as handle:
        try:
            validate_image_file(File(handle, name=os.path.basename(path)))
        except ValidationError as error:
            return "refused", error.code or "invalid"
        handle.seek(0)
        try:
            result = render_variants(handle)
        except Exception as error:  # noqa: BLE001 - counted: the task would mark the photo failed
            return "failed", type(error).__name__
    return "accepted", f"{len(result.variants)} variants"


def safe_check(path: str) -> tuple[str, str]:
    try:
        return check(path)
    except BaseException as error:  # noqa: BLE001 - a crash is what we are looking for
        return "crashed", type(error).__name__


class Runner:
    """One reusable worker process; replaced when a file makes it hang or die."""

    def __init__(self) -> None:
        self.pool = multiprocessing.Pool(1)

    def run(self, path: Path) -> tuple[str, str, float]:
        start = time.perf_counter()
        pending = self.pool.apply_async(safe_check, (str(path),))
        try:
            outcome, detail = pending.get(TIME_LIMIT)
        except multiprocessing.TimeoutError:
            self.pool.terminate()
            self.pool = multiprocessing.Pool(1)
            return "hung", f"over {TIME_LIMIT:.0f} s", time.perf_counter() - start
        return outcome, detail, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="A folder of image files (default: Pillow's).")
    options = parser.parse_args()
    folder = Path(options.folder) if options.folder else pillow_test_images()
    files = image_files(folder)
    outcomes: collections.Counter = collections.Counter()
    reasons: collections.Counter = collections.Counter()
    slowest = (0.0, "")
    runner = Runner()
    for path in files:
        outcome, detail, elapsed = runner.run(path)
        outcomes[outcome] += 1
        reasons[(outcome, detail if outcome != "accepted" else "")] += 1
        slowest = max(slowest, (elapsed, path.name))
        if outcome in ("crashed", "hung"):
            print(f"{outcome}: {path.name} ({detail})", flush=True)
    print(f"{len(files)} files: " + ", ".join(f"{n} {k}" for k, n in outcomes.most_common()))
    for (outcome, detail), count in sorted(reasons.items()):
        if outcome != "accepted":
            print(f"  {outcome:8} {detail:22} {count}")
    print(f"slowest: {slowest[1]} in {slowest[0]:.1f} s")


if __name__ == "__main__":
    main()
