"""The sweep finds files no row refers to and, when asked, deletes only those."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command

from photos.models import Photo
from photos.services import save_photo
from tests.photos import images

pytestmark = pytest.mark.django_db


def test_it_finds_and_deletes_only_orphans(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo = Photo(alt_text="Kept")
        photo.original = ContentFile(
            images.encode(images.upright_marker(600, 400), "JPEG"), "k.jpg"
        )
        save_photo(photo)
    photo.refresh_from_db()
    orphan = default_storage.save("photos/zz/orphan-480w.webp", ContentFile(b"left behind"))
    stray = default_storage.save("originals/stray.jpg", ContentFile(b"left behind"))

    call_command("sweep_files", "--min-age-hours", "0")
    output = capsys.readouterr().out
    assert f"orphan: {orphan}" in output and f"orphan: {stray}" in output
    assert "2 orphan files" in output
    assert default_storage.exists(orphan)

    call_command("sweep_files", "--min-age-hours", "0", "--delete")
    assert not default_storage.exists(orphan) and not default_storage.exists(stray)
    assert default_storage.exists(photo.original.name)
    assert all(default_storage.exists(v["name"]) for v in photo.variants)


def test_young_files_are_left_alone(capsys):
    name = default_storage.save("originals/uploading.jpg", ContentFile(b"in flight"))
    call_command("sweep_files", "--delete")
    assert default_storage.exists(name)
    assert "0 orphan files" in capsys.readouterr().out
