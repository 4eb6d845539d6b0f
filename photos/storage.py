"""File names for originals and variants, always through Django's storage API."""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from photos.models import Photo

ORIGINALS_DIR = "originals"
VARIANTS_DIR = "photos"


def original_name(photo: Photo, filename: str) -> str:
    """A non-guessable name for an original: the original itself is never published."""
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"{ORIGINALS_DIR}/{uuid.uuid4().hex}{extension}"
