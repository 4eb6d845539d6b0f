"""Media storage that follows the database transaction.

A file that has to exist for a row to make sense (a photo's original, a
document) is written while its row is saved, inside the transaction, so that
a failed write (a full disk, an unreachable bucket) aborts the save and no
row points at a missing file. What the transaction does not keep must not be
kept either: every name written inside an atomic block is remembered until
the block commits, and :func:`files_follow_transaction` deletes the names
whose transaction rolled back. Deletions wait for the commit (see the
``post_delete`` handlers), and photo variants are written by a task that is
only queued once the commit has happened.

Both storages below are selected through ``STORAGES`` (see settings.py);
``MEDIA_STORAGE=s3`` picks the S3 one.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import logging
import os
from collections.abc import Iterator

from django.core.files.storage import FileSystemStorage
from django.db import transaction

logger = logging.getLogger(__name__)

# Names written inside an atomic block whose outcome is not known yet, each
# with the on-commit callback that will forget it.
_uncommitted: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "uncommitted_files", default=None
)

# errno values that mean "the storage cannot take this file now".
STORAGE_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class StorageUnavailable(OSError):
    """The media storage refused a write; raised with a message for people."""


def _remember_until_commit(storage, name: str) -> None:
    pending = _uncommitted.get()
    if pending is None or not transaction.get_connection().in_atomic_block:
        return  # outside a transaction a written file is simply kept
    entry = (storage, name)

    def committed() -> None:
        pending.pop(entry, None)

    pending[entry] = committed
    transaction.on_commit(committed)


@contextlib.contextmanager
def files_follow_transaction() -> Iterator[None]:
    """Delete the files written inside this block whose transaction did not commit.

    Wraps each request (``TransactionalFilesMiddleware``) and each command that
    writes files. A name is kept when its transaction committed, or when the
    transaction is still open at the end of the block (an outer one decides
    then, as in the tests); Django drops the on-commit callbacks of a
    rolled-back savepoint or a closed connection, so a name whose callback has
    neither run nor is still queued belongs to a rollback.
    """
    if _uncommitted.get() is not None:  # already inside one
        yield
        return
    pending: dict = {}
    token = _uncommitted.set(pending)
    try:
        yield
    finally:
        _uncommitted.reset(token)
        queued = {id(callback) for _, callback, _ in transaction.get_connection().run_on_commit}
        for (storage, name), callback in sorted(pending.items(), key=lambda item: item[0][1]):
            if id(callback) in queued:
                continue
            logger.info("Removing %s: its transaction did not commit", name)
            with contextlib.suppress(Exception):
                storage.delete(name)


class TransactionalFilesMiddleware:
    """Files written by a request whose transaction rolls back are removed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with files_follow_transaction():
            return self.get_response(request)


class TransactionalStorageMixin:
    def save(self, name, content, max_length=None):
        saved = super().save(name, content, max_length=max_length)
        _remember_until_commit(self, saved)
        return saved


class MediaFileSystemStorage(TransactionalStorageMixin, FileSystemStorage):
    """Local media folder; a write that fails part-way leaves no partial file."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.remove(self.path(name))
            if error.errno in STORAGE_FULL_ERRNOS:
                raise StorageUnavailable(
                    error.errno, f"The media storage is full (writing {name})"
                ) from error
            raise


try:  # django-storages is only needed where S3 is used
    from storages.backends.s3 import S3Storage
except ImportError:  # pragma: no cover - depends on the installation
    S3Storage = None

if S3Storage is not None:

    class MediaS3Storage(TransactionalStorageMixin, S3Storage):
        """S3-compatible object storage (AWS, MinIO, Ceph, …) for photos and documents."""
