"""Backups: one archive with a portable dump of the database and the uploaded files.

The dump is Django's XML serialisation with natural keys, so it restores into
SQLite or PostgreSQL alike (XML rather than JSON: Django's JSON encoder cuts
times to milliseconds, the XML keeps them whole). Photo variants are not stored: they are made again
from the originals after a restore (same content-addressed names).
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from commission import backup_xml

FORMAT_VERSION = 1
#: Application data worth restoring; caches of other systems are left out.
EXCLUDED_MODELS = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "django_tasks_db.dbtaskresult",
}
#: Storage folders backed up: originals and documents (variants are remade).
FILE_FOLDERS = ("originals", "documents")


class BackupError(Exception):
    pass


def models_to_dump() -> list:
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in EXCLUDED_MODELS and not model._meta.proxy
    ]


def walk_storage(folder: str) -> Iterator[str]:
    if not default_storage.exists(folder):
        return
    directories, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}"
    for directory in directories:
        yield from walk_storage(f"{folder}/{directory}")


def stored_files() -> list[str]:
    return sorted(name for folder in FILE_FOLDERS for name in walk_storage(folder))


def sha256_of(name: str) -> str:
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def create_backup(path: Path, progress=lambda message: None) -> dict:
    """Write the archive to ``path``; return its manifest."""
    with tempfile.NamedTemporaryFile(suffix=".xml") as dump:
        labels = [model._meta.label for model in models_to_dump()]
        # Django's XML, with text cleaned of what XML 1.0 cannot carry (commission.backup_xml).
        serializers.register_serializer(backup_xml.FORMAT, backup_xml.__name__)
        call_command(
            "dumpdata",
            *labels,
            natural_foreign=True,
            natural_primary=True,
            format=backup_xml.FORMAT,
            output=dump.name,
            verbosity=0,
        )
        data = Path(dump.name).read_bytes()
    rows = data.count(b"<object ")
    progress(f"database: {rows} rows")
    files = stored_files()
    manifest = {
        "format": FORMAT_VERSION,
        "rows": rows,
        "database_sha256": hashlib.sha256(data).hexdigest(),
        "files": {},
    }
    with tarfile.open(path, "w:gz") as archive:
        _add_bytes(archive, "database.xml", data)
        for number, name in enumerate(files, start=1):
            with default_storage.open(name, "rb") as handle:
                content = handle.read()
            manifest["files"][name] = hashlib.sha256(content).hexdigest()
            _add_bytes(archive, f"files/{name}", content)
            if number % 50 == 0:
                progress(f"files: {number}/{len(files)}")
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    progress(f"files: {len(files)}")
    return manifest


def _has_content() -> bool:
    from aid.models import AidProgramme, AidProject
    from commission.models import Organisation, Person
    from delegations.models import Delegation
    from meetings.models import Meeting
    from photos.models import Photo

    return any(
        model.objects.exists()
        for model in (Meeting, Delegation, AidProgramme, AidProject, Person, Organisation, Photo)
    )


def _read_archive(archive: tarfile.TarFile) -> tuple[dict, bytes, dict[str, bytes]]:
    """Read and verify everything before anything is written."""
    manifest = json.loads(archive.extractfile("manifest.json").read())
    data = archive.extractfile("database.xml").read()
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    if hashlib.sha256(data).hexdigest() != manifest["database_sha256"]:
        raise BackupError("The database dump does not match its checksum.")
    files = {}
    for name, checksum in manifest["files"].items():
        content = archive.extractfile(f"files/{name}").read()
        if hashlib.sha256(content).hexdigest() != checksum:
            raise BackupError(f"{name} does not match its checksum.")
        files[name] = content
    return manifest, data, files


def restore_backup(path: Path, progress=lambda message: None) -> dict:
    """Restore an archive into an empty (migrated) database; return its manifest."""
    if _has_content():
        raise BackupError("The database already holds content; restore into an empty database.")
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(f"{path} is not a backup archive: {error}") from error
    try:
        with archive:
            manifest, data, files = _read_archive(archive)
    except (OSError, tarfile.TarError, EOFError, KeyError, AttributeError, ValueError) as error:
        raise BackupError(f"{path} is damaged or incomplete: {error}") from error
    written: list[str] = []
    try:
        with transaction.atomic():
            with tempfile.NamedTemporaryFile(suffix=".xml") as dump:
                Path(dump.name).write_bytes(data)
                call_command("loaddata", dump.name, verbosity=0)
            progress(f"database: {manifest['rows']} rows")
            for name, content in files.items():
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, ContentFile(content))
                written.append(saved)
                if saved != name:
                    raise BackupError(f"{name} could not be restored under its own name.")
            progress(f"files: {len(written)}")
    except BaseException:
        # Nothing half-restored: the rows roll back, the files written go.
        for name in written:
            default_storage.delete(name)
        raise
    return manifest
