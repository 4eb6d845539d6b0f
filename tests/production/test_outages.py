"""A full media disk and a database connection killed mid-request.

Each gives a clear 503 page, and leaves no half-saved object and no stray file.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.signals import post_save
from django.urls import reverse

from meetings.models import Meeting
from photos.models import Photo
from tests.database import postgres_url
from tests.factories import meeting_form
from tests.photos.images import noisy_jpeg

DISK_BYTES = 64 * 1024


def files_under(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture
def full_disk(settings, tmp_path):
    """MEDIA_ROOT on a real 64 KiB tmpfs: one 41 KB photo fits, the second does not."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs could not be mounted (needs root): {mounted.stderr.strip()}")
    settings.MEDIA_ROOT = mount_point
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)


def gallery_upload_form() -> dict:
    data = meeting_form(title_en="Talks with the delegation of Japan", status="draft")
    data["upload_photos"] = [
        SimpleUploadedFile(f"photo-{n}.jpg", noisy_jpeg(180, 180, seed=n), "image/jpeg")
        for n in range(2)
    ]
    data["upload_photos_alt_0"] = "The delegations at the table"
    data["upload_photos_alt_1"] = "The chairman and the ambassador"
    return data


def test_a_photo_too_big_for_the_disk_is_refused_with_a_clear_page(admin_client, full_disk):
    upload = SimpleUploadedFile("large.jpg", noisy_jpeg(256, 256), "image/jpeg")
    assert len(upload) > DISK_BYTES

    response = admin_client.post(
        reverse("admin:photos_photo_add"),
        {"original": upload, "alt_text_en": "A view", "focal_x": "0.5", "focal_y": "0.5"},
    )

    assert response.status_code == 503
    assert "file storage could not take the file" in response.content.decode()
    assert response["Retry-After"]
    assert Photo.objects.count() == 0
    assert files_under(full_disk) == [], "the partly written original is removed"


def test_a_disk_that_fills_mid_gallery_saves_nothing(admin_client, full_disk):
    written = []

    def record(sender, instance, **kwargs):
        written.append(Path(instance.original.path).is_file())

    post_save.connect(record, sender=Photo, dispatch_uid="test-record")
    try:
        response = admin_client.post(reverse("admin:meetings_meeting_add"), gallery_upload_form())
    finally:
        post_save.disconnect(sender=Photo, dispatch_uid="test-record")

    # The disk fills while the chosen files are kept (photos.pending), before
    # any photo row is written: the first file was stored, the second was not.
    assert written == []
    assert response.status_code == 503
    assert "nothing was saved" in response.content.decode()
    assert Meeting.objects.count() == 0
    assert Photo.objects.count() == 0
    # The first original was written; its transaction rolled back, so it went.
    assert files_under(full_disk) == []


def test_import_photos_on_a_full_disk_reports_each_file_and_keeps_nothing(db, full_disk, tmp_path):
    source = tmp_path / "incoming"
    source.mkdir()
    (source / "large.jpg").write_bytes(noisy_jpeg(256, 256))

    out = io.StringIO()
    with pytest.raises(CommandError, match="0 imported, 1 refused"):
        call_command("import_photos", str(source), stdout=out)

    assert "media storage is full" in out.getvalue()
    assert Photo.objects.count() == 0
    assert files_under(full_disk) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="kills a server connection with pg_terminate_backend: run with DATABASE_URL set",
)
def test_a_database_connection_killed_mid_save_saves_nothing(client, settings, superuser):
    client.force_login(superuser)
    killed = []

    def kill_own_connection(sender, instance, created, **kwargs):
        # The meeting row is written and the first photo's original is on disk:
        # now the server ends this request's connection.
        if killed:
            return
        pid = connection.connection.info.backend_pid
        with psycopg.connect(postgres_url(), autocommit=True) as other:
            other.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])
        killed.append(pid)

    post_save.connect(kill_own_connection, sender=Photo, dispatch_uid="test-kill")
    try:
        response = client.post(reverse("admin:meetings_meeting_add"), gallery_upload_form())
    finally:
        post_save.disconnect(dispatch_uid="test-kill", sender=Photo)

    assert killed, "the connection was killed during the save"
    assert response.status_code == 503
    assert "database could not be reached" in response.content.decode()
    connection.close()  # what the end of a real request does with a broken connection
    assert Meeting.objects.count() == 0
    assert Photo.objects.count() == 0
    assert files_under(Path(settings.MEDIA_ROOT)) == []

    # The next request gets a new connection and works.
    response = client.post(reverse("admin:meetings_meeting_add"), gallery_upload_form())
    assert response.status_code == 302
    assert Meeting.objects.count() == 1 and Photo.objects.count() == 2


def test_an_outage_outside_a_view_also_gets_the_503_page(rf):
    from django.db import OperationalError

    from core.errors import server_error

    request = rf.post("/admin/meetings/meeting/add/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert b"database could not be reached" in response.content

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


def test_the_outage_page_speaks_the_visitors_language(rf):
    from django.db import OperationalError
    from django.utils import translation

    from core.errors import outage_response

    with translation.override("ru"):
        response = outage_response(rf.get("/ru/"), OperationalError("gone"))
    page = response.content.decode()
    assert 'lang="ru"' in page and "Временно недоступно" in page
    assert "База данных недоступна" in page
