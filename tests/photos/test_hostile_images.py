"""Every image in Pillow's own test collection, through ``import_photos`` and the admin upload.

Each file either becomes a photo with valid variants or is refused with a
message naming it; never a 500, a traceback, a stray file or a long wait.
The collection (about 1,000 files, many of them deliberately broken) comes
from Pillow's source distribution on PyPI, downloaded once into ``var/``.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from PIL import Image

from photos.models import Photo
from tests.photos.pillow_images import image_files, pillow_test_images

#: Longer than any file should take (the slowest takes under 2 s): a hang, not a benchmark.
HANG_SECONDS = 15
FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the image checks do not depend on the database: they run once, in the SQLite pass",
)


@pytest.fixture(scope="module")
def hostile_files() -> list[Path]:
    try:
        folder = pillow_test_images()
    except OSError as error:
        pytest.skip(f"Pillow's test images are not available: {error}")
    files = image_files(folder)
    assert len(files) > 500, f"expected Pillow's whole collection in {folder}"
    return files


def stored_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def assert_valid_variants(photo: Photo, settings) -> None:
    assert photo.status == Photo.Status.READY, f"{photo.original_name}: {photo.failure_reason}"
    assert photo.variants, photo.original_name
    for variant in photo.variants:
        with Image.open(Path(settings.MEDIA_ROOT) / variant["name"]) as image:
            assert image.format == FORMATS[variant["format"]], variant["name"]
            assert image.size == (variant["width"], variant["height"]), variant["name"]


def assert_only_the_photos_files_are_stored(settings) -> None:
    expected = set()
    for photo in Photo.objects.all():
        expected.add(photo.original.name)
        expected.update(variant["name"] for variant in photo.variants)
    assert stored_files(settings) == expected, "no stray file"


def test_import_photos(db, hostile_files, settings, django_capture_on_commit_callbacks):
    outcomes = {}
    slowest = (0.0, "")
    for path in hostile_files:
        out = io.StringIO()
        start = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):  # the variants, as in production
            try:
                call_command("import_photos", str(path), stdout=out)
            except CommandError as error:
                assert str(error) == "0 imported, 1 refused."
        slowest = max(slowest, (time.perf_counter() - start, path.name))
        line = out.getvalue().strip()
        assert line.startswith(f"{path}: "), line
        outcomes[path] = line

    refused = {name: line for name, line in outcomes.items() if ": refused — " in line}
    accepted = Photo.objects.all()
    assert len(refused) + accepted.count() == len(hostile_files)
    for path, line in refused.items():
        assert path.name in line.split(" — ", 1)[1], line
    for photo in accepted:
        assert_valid_variants(photo, settings)
    assert_only_the_photos_files_are_stored(settings)
    assert slowest[0] < HANG_SECONDS, f"{slowest[1]} took {slowest[0]:.1f} s"
    print(f"import_photos: {accepted.count()} accepted, {len(refused)} refused")


def test_admin_upload(hostile_files, admin_client, settings, django_capture_on_commit_callbacks):
    url = reverse("admin:photos_photo_add")
    accepted = refused = 0
    slowest = (0.0, "")
    for path in hostile_files:
        upload = SimpleUploadedFile(path.name, path.read_bytes(), "image/jpeg")
        start = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                url,
                {
                    "original": upload,
                    "alt_text_en": "Test image",
                    "focal_x": "0.5",
                    "focal_y": "0.5",
                },
            )
        slowest = max(slowest, (time.perf_counter() - start, path.name))
        if response.status_code == 302:
            accepted += 1
            assert_valid_variants(Photo.objects.latest("pk"), settings)
        else:
            assert response.status_code == 200, f"{path.name}: {response.status_code}"
            errors = response.context["adminform"].form.errors["original"]
            assert path.name in errors[0], f"{path.name}: {errors}"
            refused += 1

    assert accepted + refused == len(hostile_files)
    assert Photo.objects.count() == accepted
    assert_only_the_photos_files_are_stored(settings)
    assert slowest[0] < HANG_SECONDS, f"{slowest[1]} took {slowest[0]:.1f} s"
