"""Several `db_worker` processes share one PostgreSQL queue without doubling work."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.database import postgres_url
from tests.photos.images import jpeg_bytes

ROOT = Path(settings.BASE_DIR)
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several workers need row locks (SKIP LOCKED): run with DATABASE_URL on PostgreSQL",
    ),
]


def start_workers(count: int, extra_env: dict[str, str] | None = None) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        **(extra_env or {}),
    }
    return [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--interval",
                "0.05",
                "--worker-id",
                f"test-worker-{number}",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for number in range(count)
    ]


def wait_for(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, output


def test_three_workers_run_every_task_exactly_once(settings, tmp_path):
    from tests.production.worker_tasks import record_run

    settings.TASKS = DB_BACKEND
    log = tmp_path / "runs.log"
    for number in range(60):
        record_run.enqueue(str(log), number)
    assert DBTaskResult.objects.ready().count() == 60

    wait_for(start_workers(3))

    lines = log.read_text().split()
    numbers = Counter(int(n) for n in lines[0::2])
    assert numbers == Counter(range(60)), "every task ran exactly once"
    assert len(set(lines[1::2])) >= 2, "the work was shared between processes"
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 60


def test_workers_make_photo_variants_on_a_shared_media_folder(settings, tmp_path):
    from django.core.files.base import ContentFile

    from photos.models import Photo
    from photos.services import photo_create

    settings.TASKS = DB_BACKEND
    photos = [
        photo_create(file=ContentFile(jpeg_bytes(640 + n, 480), name=f"p{n}.jpg"), alt_text="x")
        for n in range(6)
    ]
    assert {p.status for p in Photo.objects.all()} == {Photo.Status.PENDING}

    wait_for(start_workers(2, {"MEDIA_ROOT": str(settings.MEDIA_ROOT)}))

    for photo in photos:
        photo.refresh_from_db()
        assert photo.status == Photo.Status.READY, photo.failure_reason
        for variant in photo.variants:
            assert (Path(settings.MEDIA_ROOT) / variant["name"]).is_file()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == len(photos)
