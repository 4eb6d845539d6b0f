"""Benchmark: an editor saves a new meeting with two photos in the admin.

In a fresh process on a fresh SQLite database (temporary folder), the admin's
add form is posted through Django's test client, as the browser would post
it: a meeting with two 6000 × 4000 JPEG photos (made from the demo photos),
each with its own alternative text. Three arms, each run ``--runs`` times:

- **baseline**: the same meeting without photos;
- **two photos, queued**: the photos' variants go to the task queue (the
  database backend, as in production, where ``db_worker`` makes them);
- **two photos, development**: the variants are made in a thread after the
  response (``core.tasks_backend.ThreadBackend``, development's default);
- **two photos, made at once**: the variants are made before the response
  (the immediate backend, development's default until now), for comparison.

The figure to watch is the median of "queued" as a ratio to the baseline, in
the same run. ``--profile`` prints the top of a cProfile of one queued save.

    .venv/bin/python benchmarks/meeting_save.py [--runs 5] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import cProfile, io, json, os, pstats, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
arm, runs, profile = sys.argv[1], int(sys.argv[2]), sys.argv[4] == "1"
photo_paths = sys.argv[3].split(",")
User = get_user_model()
user = User.objects.filter(username="bench").first()
if user is None:
    user = User.objects.create_user("bench", "bench@example.org", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editor"))
client = Client()
client.force_login(user)
blobs = [(os.path.basename(p), open(p, "rb").read()) for p in photo_paths]
times = []
assert settings.TASKS["default"]["BACKEND"] == os.environ["TASKS_BACKEND"]
if True:
    for run in range(runs + 1):
        data = {
            "title_en": f"Bench meeting {arm} {run} {time.time()}",
            "kind": "sitting",
            "date": "2026-02-10",
            "slug": "",
            "participant_set-TOTAL_FORMS": "0",
            "participant_set-INITIAL_FORMS": "0",
            "gallery-TOTAL_FORMS": "0",
            "gallery-INITIAL_FORMS": "0",
            "_action": "draft",
        }
        if arm != "baseline":
            data["upload_photos"] = [SimpleUploadedFile(n, b, "image/jpeg") for n, b in blobs]
            for index in range(len(blobs)):
                data[f"upload_photos_alt_{index}"] = f"Photo {index} of the sitting"
        profiler = cProfile.Profile() if profile and run == 1 else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        response = client.post("/admin/meetings/meeting/add/", data)
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - start
        assert response.status_code == 302, response.content[:3000]
        if "ThreadBackend" in os.environ["TASKS_BACKEND"]:
            from core.tasks_backend import _executor

            _executor.submit(lambda: None).result()  # let the variants finish, untimed
        if run:  # the first run warms caches and imports
            times.append(seconds)
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(35)
            sys.stderr.write(out.getvalue())
print(json.dumps(times))
"""


def make_photos(folder: Path) -> list[str]:
    """Two 24-megapixel JPEGs from the demo photos, as a camera would give them."""
    from PIL import Image

    paths = []
    for source in sorted((ROOT / "backoffice" / "demo" / "photos").glob("*.jpg"))[:2]:
        with Image.open(source) as image:
            big = image.convert("RGB").resize((6000, 4000), Image.Resampling.LANCZOS)
            path = folder / f"{source.stem}-24mp.jpg"
            big.save(path, "JPEG", quality=90)
            paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "true",
            "CACHE_URL": "locmemcache://",
            "PAGE_CACHE_SECONDS": "0",
        }
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True
        )
        photos = ",".join(make_photos(folder))
        results = {}
        backends = {
            "baseline": "django_tasks_db.DatabaseBackend",
            "queued": "django_tasks_db.DatabaseBackend",
            "thread": "core.tasks_backend.ThreadBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }
        for arm in ("baseline", "queued", "thread", "immediate"):
            out = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    CHILD,
                    arm,
                    str(args.runs),
                    photos,
                    "1" if args.profile and arm == "queued" else "0",
                ],
                cwd=ROOT,
                env={**env, "TASKS_BACKEND": backends[arm]},
                capture_output=True,
                text=True,
            )
            if out.returncode:
                sys.exit(out.stderr)
            if args.profile and arm == "queued":
                print(out.stderr)
            results[arm] = json.loads(out.stdout.strip().splitlines()[-1])
        base = statistics.median(results["baseline"])
        print(f"{'arm':<28}{'median s':>10}{'max s':>10}{'× baseline':>12}")
        for arm, label in (
            ("baseline", "baseline (no photos)"),
            ("queued", "two photos, queued"),
            ("thread", "two photos, development"),
            ("immediate", "two photos, made at once"),
        ):
            times = results[arm]
            median = statistics.median(times)
            print(f"{label:<28}{median:>10.3f}{max(times):>10.3f}{median / base:>12.1f}")


if __name__ == "__main__":
    main()
