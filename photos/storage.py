"""File names for originals and variants, always through Django's storage API."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable
from typing import BinaryIO

from django.core.files.storage import default_storage

from photos.processing import PIPELINE_VERSION

ORIGINALS_DIR = "originals"
VARIANTS_DIR = "photos"


def original_name(filename: str) -> str:
    """A non-guessable name for an original: the original itself is never published.

    The extension is that of the format read from the bytes, never the uploaded
    name's: a JPEG sent as ``x.html`` is stored as ``.jpg`` (``filename`` is the
    one ``photos.models.OriginalFileField`` passes, made from the detected format).
    """
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"{ORIGINALS_DIR}/{uuid.uuid4().hex}{extension}"


def content_hash(file: BinaryIO) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1024 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def variant_name(
    source_hash: str,
    width: int,
    extension: str,
    crop: str = "",
    focal: tuple[float, float] = (0.5, 0.5),
) -> str:
    """A stable name made from the original's bytes and the pipeline version.

    The same original always gives the same names, so a variant can be cached
    forever, and a new pipeline version gives new names. A cropped variant's
    name carries its crop and focal point (in hundredths), so moving the focal
    point gives new names too.
    """
    key = hashlib.sha256(f"{source_hash}:v{PIPELINE_VERSION}".encode()).hexdigest()[:24]
    if crop:
        focus = f"{round(focal[0] * 100):03d}{round(focal[1] * 100):03d}"
        return f"{VARIANTS_DIR}/{key[:2]}/{key}-{crop}-{focus}-{width}w.{extension}"
    return f"{VARIANTS_DIR}/{key[:2]}/{key}-{width}w.{extension}"


def delete_files(names: Iterable[str]) -> None:
    for name in names:
        if name and default_storage.exists(name):
            default_storage.delete(name)
