"""The restore drill: back up the demo, restore it into a fresh database, compare everything."""

import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from commission.backup import models_to_dump
from commission.demo.loader import load_demo_content
from photos.models import Photo

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


def empty_everything(settings) -> None:
    call_command("flush", "--no-input", verbosity=0)
    for path in sorted(Path(settings.MEDIA_ROOT).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_backup_and_restore_give_back_every_row_and_file(tmp_path, settings, capsys):
    load_demo_content()  # photos are processed on commit
    assert Photo.objects.filter(status="ready").count() == 3
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
    load_demo_content()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_archive_and_changes_nothing(tmp_path, settings):
    load_demo_content()
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
