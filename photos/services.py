"""Writes that touch photos, their files and their processing."""

from __future__ import annotations

import os
from functools import partial

from django.core.files import File
from django.db import transaction

from photos.models import Photo
from photos.storage import content_hash
from photos.tasks import generate_photo_variants
from photos.validation import ImageFacts, validate_image_file
from photos.variants import delete_replaced_files


def reset_for_new_original(photo: Photo) -> None:
    """A new original: record its hash, and mark it waiting for variants."""
    photo.content_hash = content_hash(photo.original.file)
    photo.original_name = os.path.basename(photo.original.name)[:255]
    photo.status = Photo.Status.PENDING
    photo.failure_reason = ""
    photo.placeholder = ""
    photo.variants = []


def schedule_processing(photo: Photo, *, force: bool = False) -> None:
    """Make the variants once the current transaction commits (at once if none)."""
    transaction.on_commit(partial(generate_photo_variants.enqueue, photo.pk, force=force))


def photo_create(
    *,
    file: File,
    alt_text: str,
    facts: ImageFacts | None = None,
    uploaded_by=None,
    **fields,
) -> Photo:
    """Validate and store a new photo; its variants follow after commit."""
    facts = facts or validate_image_file(file)
    photo = Photo(
        original=file,
        alt_text=alt_text,
        width=facts.width,
        height=facts.height,
        uploaded_by=uploaded_by,
        **fields,
    )
    photo.full_clean(exclude=["original"])
    save_photo(photo)
    return photo


def save_photo(photo: Photo, **kwargs) -> None:
    """Save a photo; a new original (a new photo or a replacement) is hashed,
    its variants are made after commit and the replaced files then removed.

    The admin, the commands and the demo save photos through here (or
    :func:`photo_create`); ``Photo.save`` itself only writes the row.
    """
    # A file just uploaded (new photo or replacement) is not in storage yet.
    new_file = bool(photo.original) and not photo.original._committed
    replaced = None
    if new_file:
        if photo.pk:
            replaced = (
                Photo.objects.filter(pk=photo.pk)
                .values("original", "content_hash", "variants")
                .first()
            )
        reset_for_new_original(photo)
    photo.save(**kwargs)
    if new_file:
        if replaced:
            transaction.on_commit(partial(delete_replaced_files, **replaced))
        schedule_processing(photo)


def photo_create_from_pending(*, pending, alt_text: str, uploaded_by=None, **fields) -> Photo:
    """A photo from a file kept while its form was corrected (``photos.pending``).

    The stored file becomes the photo's original as it is (no second write);
    its variants follow after commit like any new photo's.
    """
    photo = Photo(
        alt_text=alt_text,
        width=pending.width,
        height=pending.height,
        uploaded_by=uploaded_by,
        **fields,
    )
    photo.original.name = pending.name
    reset_for_new_original(photo)
    photo.original_name = pending.label[:255]
    photo.full_clean(exclude=["original"])
    photo.save()
    schedule_processing(photo)
    return photo
