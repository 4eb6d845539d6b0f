"""Making a photo's variants, and removing files no photo uses any more."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from photos.models import Photo, update_photos
from photos.processing import CROPS, render_crops, render_variants
from photos.storage import delete_files, variant_name

logger = logging.getLogger(__name__)


def _unshared(source_hash: str, names: list[str], *, excluding_pk: int | None = None) -> list[str]:
    """Variant names that no other photo with the same original still uses."""
    others = Photo.objects.filter(content_hash=source_hash)
    if excluding_pk is not None:
        others = others.exclude(pk=excluding_pk)
    return [] if others.exists() else names


def delete_replaced_files(*, original: str, content_hash: str, variants: list[dict]) -> None:
    """After a replacement commits: the old original and its now unused variants go."""
    delete_files([original])
    delete_files(_unshared(content_hash, [variant["name"] for variant in variants]))


def delete_photo_files(photo: Photo) -> None:
    """After a deletion commits: its original, and variants no other photo shares."""
    delete_files([photo.original.name])
    delete_files(_unshared(photo.content_hash, [variant["name"] for variant in photo.variants]))


def _is_current(photo: Photo, variant: dict) -> bool:
    """The variant is under the name the photo's original and focal point give now,
    and in storage."""
    return variant["name"] == variant_name(
        photo.content_hash,
        variant["width"],
        variant["name"].rsplit(".", 1)[-1],
        variant.get("crop", ""),
        photo.focal_point,
    ) and default_storage.exists(variant["name"])


def is_up_to_date(photo: Photo) -> bool:
    """Ready, with every variant under its current name and present in storage."""
    if photo.status != Photo.Status.READY or not photo.variants:
        return False
    if {variant.get("crop", "") for variant in photo.variants} != {"", *CROPS}:
        return False  # made before cropped variants existed
    return all(_is_current(photo, variant) for variant in photo.variants)


def only_crops_are_stale(photo: Photo) -> bool:
    """The whole photo's variants are current; only the cropped ones are not.

    What a moved focal point leaves: the crops are framed around it, the
    whole photo's variants do not depend on it. The qualities those were
    encoded at must be recorded (variants made before they were are made
    again in full), since the crops are encoded at them.
    """
    if photo.status not in (Photo.Status.READY, Photo.Status.PROCESSING):
        return False
    whole = [variant for variant in photo.variants if not variant.get("crop")]
    return bool(whole) and all(
        "quality" in variant and _is_current(photo, variant) for variant in whole
    )


def _record(photo: Photo, variant) -> dict:
    """Store a variant made just now (unless stored already) and describe it."""
    name = variant_name(
        photo.content_hash, variant.width, variant.extension, variant.crop, photo.focal_point
    )
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(variant.data))
    record = {
        "format": variant.format,
        "width": variant.width,
        "height": variant.height,
        "name": name,
        "bytes": len(variant.data),
        "quality": variant.quality,
    }
    if variant.crop:
        record["crop"] = variant.crop
    return record


def process_photo(photo_id: int, *, force: bool = False) -> Photo | None:
    """Make (or re-make) a photo's variants and record the outcome on the photo.

    When only the cropped variants are out of date (the focal point moved),
    only they are made: the whole photo's variants keep their files.
    """
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return None
    if not force and is_up_to_date(photo):
        return photo
    crops_only = not force and only_crops_are_stale(photo)
    update_photos(Photo.objects.filter(pk=photo.pk), changed=False, status=Photo.Status.PROCESSING)
    try:
        with photo.original.open("rb") as source:
            if crops_only:
                whole = [variant for variant in photo.variants if not variant.get("crop")]
                made = render_crops(
                    source,
                    crops=tuple(CROPS),
                    focal=photo.focal_point,
                    qualities={(v["format"], v["width"]): v["quality"] for v in whole},
                )
                records = whole + [_record(photo, variant) for variant in made]
                fields = {}
            else:
                result = render_variants(source, crops=tuple(CROPS), focal=photo.focal_point)
                records = [_record(photo, variant) for variant in result.variants]
                fields = {
                    "width": result.width,
                    "height": result.height,
                    "placeholder": result.placeholder,
                }
    except Exception as error:  # noqa: BLE001 - any failure must be recorded, not lost
        logger.exception("Photo %s could not be processed", photo.pk)
        reason = f"{error.__class__.__name__}: {error}" if str(error) else error.__class__.__name__
        update_photos(
            Photo.objects.filter(pk=photo.pk, content_hash=photo.content_hash),
            changed=False,
            status=Photo.Status.FAILED,
            failure_reason=reason[:2000],
        )
        photo.refresh_from_db()
        return photo

    # Only if the original (and, for crops alone, the focal point) is still the
    # one we worked from: a later change has its own task.
    current = Photo.objects.filter(pk=photo.pk, content_hash=photo.content_hash)
    if crops_only:
        current = current.filter(focal_x=photo.focal_x, focal_y=photo.focal_y)
    # Variants made again identically (e.g. after a restore) change nothing shown.
    changed = records != photo.variants or any(
        getattr(photo, name) != value for name, value in fields.items()
    )
    updated = update_photos(
        current,
        changed=changed,
        status=Photo.Status.READY,
        failure_reason="",
        variants=records,
        **fields,
    )
    new_names = {record["name"] for record in records}
    if updated:
        # Names from an older pipeline version (or focal point) are no longer served.
        stale = [v["name"] for v in photo.variants if v["name"] not in new_names]
        delete_files(_unshared(photo.content_hash, stale, excluding_pk=photo.pk))
        photo.refresh_from_db()
    else:
        # Replaced, moved or deleted while we worked: what we wrote is nobody's.
        kept = {v["name"] for v in photo.variants} if crops_only else set()
        delete_files(_unshared(photo.content_hash, sorted(new_names - kept), excluding_pk=photo.pk))
    return photo
