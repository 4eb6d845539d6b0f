"""Photos chosen in a form that could not be saved yet: kept, not lost.

When a content form with new photos comes back with an error (a missing
alternative text, a title left empty, a bad participant row…), the browser
would drop the chosen files. So each file that passed the image checks is
stored at once, under a random name among the private originals, and the form
carries a signed token for it; the next submission turns it into a photo. A
token is good for two days; a file whose form is abandoned is an orphan that
``manage.py sweep_files`` finds like any other.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.files.storage import default_storage

from photos.storage import ORIGINALS_DIR
from photos.validation import EXTENSIONS, ImageFacts

SALT = "photos.pending"
MAX_AGE = timedelta(days=2)
PREFIX = f"{ORIGINALS_DIR}/pending-"


@dataclass(frozen=True)
class PendingPhoto:
    name: str  # in storage
    label: str  # the file name the user chose
    width: int
    height: int
    format: str
    size: int

    @property
    def token(self) -> str:
        return signing.dumps(
            [self.name, self.label, self.width, self.height, self.format, self.size], salt=SALT
        )

    @property
    def facts(self) -> ImageFacts:
        return ImageFacts(format=self.format, width=self.width, height=self.height, frames=1)


def stage(upload, facts: ImageFacts) -> PendingPhoto:
    """Store a checked upload until its form is saved."""
    extension = EXTENSIONS.get(facts.format, "")
    upload.seek(0)
    name = default_storage.save(f"{PREFIX}{uuid.uuid4().hex}{extension}", upload)
    label = os.path.basename(getattr(upload, "name", "") or name)[:200]
    size = getattr(upload, "size", None) or default_storage.size(name)
    return PendingPhoto(name, label, facts.width, facts.height, facts.format, size)


def load(token: str) -> PendingPhoto | None:
    """The pending photo a token stands for; None if forged, expired or gone."""
    try:
        name, label, width, height, image_format, size = signing.loads(
            token, salt=SALT, max_age=MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not str(name).startswith(PREFIX) or not default_storage.exists(name):
        return None
    return PendingPhoto(name, label, int(width), int(height), image_format, int(size))


def discard(pending: PendingPhoto) -> None:
    if default_storage.exists(pending.name):
        default_storage.delete(pending.name)
