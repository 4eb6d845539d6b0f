"""Backups: one archive with a portable dump of the database and the uploaded files.

The dump is Django's XML serialisation with natural keys, so it restores into
SQLite or PostgreSQL alike (XML rather than JSON: Django's JSON encoder cuts
times to milliseconds, the XML keeps them whole). Photo variants are not stored: they are made again
from the originals after a restore (same content-addressed names).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

from backoffice import backup_xml
from core.kinds import kinds

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
#: Archive members are read (and files written) this many bytes at a time, so
#: memory stays flat however large a member is.
CHUNK_SIZE = 1024 * 1024
#: The archive holds password hashes and TOTP keys: readable by its owner only.
ARCHIVE_MODE = 0o600


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


class HashingReader:
    """A read-only stream over ``source`` that hashes what is read through it."""

    def __init__(self, source) -> None:
        self.source = source
        self.digest = hashlib.sha256()
        self.closed = False

    def read(self, size: int = -1) -> bytes:
        chunk = self.source.read(size)
        self.digest.update(chunk)
        return chunk

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True

    def hexdigest(self) -> str:
        return self.digest.hexdigest()


def _private_file(path: Path):
    """Open ``path`` for writing, readable by its owner only from the moment it exists."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, ARCHIVE_MODE)
    try:
        os.fchmod(descriptor, ARCHIVE_MODE)  # a file already there keeps its mode otherwise
    except OSError:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "wb")


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def create_backup(path: Path, progress=lambda message: None) -> dict:
    """Write the archive to ``path``; return its manifest."""
    with tempfile.NamedTemporaryFile(suffix=".xml") as dump:
        labels = [model._meta.label for model in models_to_dump()]
        # Django's XML, with text cleaned of what XML 1.0 cannot carry (backoffice.backup_xml).
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
    with _private_file(path) as target, tarfile.open(path, "w:gz", fileobj=target) as archive:
        _add_bytes(archive, "database.xml", data)
        for number, name in enumerate(files, start=1):
            # Streamed into the archive and hashed on the way: never whole in memory.
            with default_storage.open(name, "rb") as handle:
                info = tarfile.TarInfo(f"files/{name}")
                info.size = handle.size
                reader = HashingReader(handle)
                archive.addfile(info, reader)
            manifest["files"][name] = reader.hexdigest()
            if number % 50 == 0:
                progress(f"files: {number}/{len(files)}")
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    progress(f"files: {len(files)}")
    return manifest


def _has_content() -> bool:
    from commission.models import Organisation, Person
    from photos.models import Photo

    return any(
        model.objects.exists()
        for model in (*(kind.model for kind in kinds()), Person, Organisation, Photo)
    )


def _member(archive: tarfile.TarFile, name: str):
    """The readable stream of a regular member (KeyError if missing, ValueError if not a file)."""
    stream = archive.extractfile(archive.getmember(name))
    if stream is None:
        raise ValueError(f"{name} is not a file")
    return stream


def _check_stream(stream, expected: str, label: str, target=None) -> None:
    """Read ``stream`` chunk by chunk (copying to ``target`` if given); check its SHA-256."""
    reader = HashingReader(stream)
    for chunk in iter(lambda: reader.read(CHUNK_SIZE), b""):
        if target is not None:
            target.write(chunk)
    if reader.hexdigest() != expected:
        raise BackupError(f"{label} does not match its checksum.")


def _verify_archive(archive: tarfile.TarFile, dump) -> tuple[dict, list[str]]:
    """Check every member before anything is written; copy the database dump to ``dump``.

    Returns the manifest and the file names in archive order (so the second
    pass, which writes them, reads the compressed archive forwards only).
    """
    manifest = json.loads(_member(archive, "manifest.json").read())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    _check_stream(
        _member(archive, "database.xml"),
        manifest["database_sha256"],
        "The database dump",
        target=dump,
    )
    dump.flush()
    folders = tuple(f"{folder}/" for folder in FILE_FOLDERS)
    for name in manifest["files"]:
        if not name.startswith(folders) or ".." in name.split("/"):
            raise BackupError(f"{name} is outside the folders a backup holds.")
    names = sorted(manifest["files"], key=lambda name: archive.getmember(f"files/{name}").offset)
    for name in names:
        _check_stream(_member(archive, f"files/{name}"), manifest["files"][name], name)
    return manifest, names


def _restore_file(archive: tarfile.TarFile, name: str, expected: str) -> str:
    """Write one member to the storage as a stream; return the name it was saved under."""
    stream = _member(archive, f"files/{name}")
    reader = HashingReader(stream)
    content = File(reader, name=name)
    content.size = archive.getmember(f"files/{name}").size
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, content)
    if reader.hexdigest() != expected:  # the archive changed since it was checked
        default_storage.delete(saved)
        raise BackupError(f"{name} does not match its checksum.")
    return saved


#: What reading a damaged or truncated archive raises.
ARCHIVE_ERRORS = (OSError, tarfile.TarError, EOFError, KeyError, AttributeError, ValueError)


def restore_backup(path: Path, progress=lambda message: None) -> dict:
    """Restore an archive into an empty (migrated) database; return its manifest.

    Two passes over the archive, each streaming member by member: the first
    checks every checksum (and copies the database dump to a private temporary
    file), the second loads the dump and writes the files to the storage.
    Memory use does not grow with the size of the members.
    """
    if _has_content():
        raise BackupError("The database already holds content; restore into an empty database.")
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(f"{path} is not a backup archive: {error}") from error
    # NamedTemporaryFile is created readable by its owner only (0600).
    with archive, tempfile.NamedTemporaryFile(suffix=".xml") as dump:
        try:
            manifest, names = _verify_archive(archive, dump)
        except ARCHIVE_ERRORS as error:
            raise BackupError(f"{path} is damaged or incomplete: {error}") from error
        written: list[str] = []
        try:
            with transaction.atomic():
                call_command("loaddata", dump.name, verbosity=0)
                progress(f"database: {manifest['rows']} rows")
                for name in names:
                    try:
                        saved = _restore_file(archive, name, manifest["files"][name])
                    except (tarfile.TarError, EOFError, gzip.BadGzipFile, zlib.error) as error:
                        raise BackupError(f"{path} could not be read again: {error}") from error
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
