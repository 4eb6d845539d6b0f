"""The restore drill: back up the content, restore it into a fresh database, compare everything."""

import hashlib
import os
import stat
import tracemalloc
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from backoffice.backup import models_to_dump
from photos.models import Photo
from tests.core.documents import docx_bytes
from tests.factories import make_delegation, make_hospital_project, make_japan_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, list]:
    """Every row of every backed-up model, by natural keys where the model has them."""
    rows = {}
    for model in models_to_dump():
        data = serializers.serialize(
            "python", model._default_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        rows[model._meta.label] = [(row["pk"], row["fields"]) for row in data]
    return rows


def checksums(settings) -> dict[str, str]:
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def make_content() -> None:
    """Rows of every kind, a photo (its variants made on commit) and a document."""
    from commission.models import Membership, Topic
    from delegations.models import DelegationDocument

    meeting = make_japan_meeting(photo=True)
    topic = Topic.objects.create(name_en="Health care", slug="health-care")
    meeting.topics.add(topic)
    chairman = meeting.participant_set.first().person
    Membership.objects.create(person=chairman, role=Membership.Role.CHAIR)
    make_hospital_project()
    visit = make_delegation(title_en="Visit to Tokyo", countries=["JP"])
    document = DelegationDocument(delegation=visit, title_en="Programme of the visit")
    document.file.save("programme.docx", ContentFile(docx_bytes()), save=False)
    document.save()


def empty_everything(settings) -> None:
    call_command("flush", "--no-input", verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_backup_and_restore_give_back_every_row_and_file(tmp_path, settings, capsys):
    make_content()  # photos are processed on commit
    assert Photo.objects.filter(status="ready").count() == 1
    before_rows, before_files = snapshot(), checksums(settings)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    assert "Backup written" in capsys.readouterr().out

    empty_everything(settings)
    assert not Photo.objects.exists() and checksums(settings) == {}

    call_command("restore", str(archive))
    assert snapshot() == before_rows
    # Originals come back byte for byte; variants are made again, identically.
    assert checksums(settings) == before_files


def test_restore_refuses_a_database_with_content(tmp_path):
    make_content()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_archive_and_changes_nothing(tmp_path, settings):
    make_content()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    empty_everything(settings)
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError):
        call_command("restore", str(damaged))
    assert not apps.get_model("meetings", "Meeting").objects.exists()
    assert checksums(settings) == {}
    not_an_archive = tmp_path / "notes.txt"
    not_an_archive.write_text("hello")
    with pytest.raises(CommandError, match="not a backup archive"):
        call_command("restore", str(not_an_archive))


def test_the_archive_is_readable_by_its_owner_only(tmp_path):
    make_content()
    archive = tmp_path / "backup.tar.gz"
    # A partial file left by an earlier, interrupted run does not keep its mode.
    stale = tmp_path / "backup.tar.gz.partial"
    stale.write_bytes(b"old")
    stale.chmod(0o644)
    previous = os.umask(0)  # even with a permissive umask
    try:
        call_command("backup", str(archive))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not stale.exists()


@pytest.mark.filterwarnings("ignore:No fixture data found")
def test_restore_streams_large_files_in_bounded_memory(tmp_path, settings):
    size = 64 * 1024 * 1024
    content = os.urandom(4096) * (size // 4096)  # compresses well, so the test stays quick
    default_storage.save("documents/large-report.pdf", ContentFile(content))
    expected = hashlib.sha256(content).hexdigest()
    del content
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    empty_everything(settings)

    tracemalloc.start()
    try:
        call_command("restore", str(archive), "--skip-variants")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert checksums(settings) == {"documents/large-report.pdf": expected}
    # Reading the member whole would take at least its size; streaming takes
    # a few chunks, whatever the size.
    assert peak < size // 4, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.0f} MiB file"


def test_restore_refuses_files_outside_the_backed_up_folders(tmp_path, settings):
    import io
    import json
    import tarfile

    database = b'<?xml version="1.0" encoding="utf-8"?>\n<django-objects version="1.0"/>'
    planted = b"<script>alert(1)</script>"
    manifest = {
        "format": 1,
        "rows": 0,
        "database_sha256": hashlib.sha256(database).hexdigest(),
        "files": {"photos/ab/planted.html": hashlib.sha256(planted).hexdigest()},
    }
    archive = tmp_path / "forged.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (
            ("database.xml", database),
            ("files/photos/ab/planted.html", planted),
            ("manifest.json", json.dumps(manifest).encode()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="outside the folders"):
        call_command("restore", str(archive), "--skip-variants")
    assert checksums(settings) == {}
