"""Moving a photo's focal point remakes its cropped variants only."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from photos import variants as variants_module
from photos.models import Photo
from photos.processing import CROPS, render_variants
from photos.services import photo_create, save_photo
from photos.variants import process_photo
from tests.photos import images

pytestmark = pytest.mark.django_db


def stored(names) -> dict[str, tuple[bytes, object]]:
    """Each file's bytes and modification time, read through the storage."""
    result = {}
    for name in names:
        with default_storage.open(name, "rb") as file:
            result[name] = (file.read(), default_storage.get_modified_time(name))
    return result


@pytest.fixture
def real_photo(django_capture_on_commit_callbacks) -> Photo:
    """A real photograph (a demo photo: a 2056 × 3088 portrait), processed."""
    data = (images.DEMO_PHOTOS / "friends_by_Aitzol_Berasategi.jpg").read_bytes()
    upload = SimpleUploadedFile("friends.jpg", data, content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        photo = photo_create(file=upload, alt_text="Friends on a mountain path")
    photo.refresh_from_db()
    assert photo.status == Photo.Status.READY
    return photo


def test_moving_the_focal_point_leaves_the_whole_photos_files_untouched(
    real_photo, django_capture_on_commit_callbacks, monkeypatch
):
    whole = [v for v in real_photo.variants if not v.get("crop")]
    crops = [v for v in real_photo.variants if v.get("crop")]
    whole_before = stored(v["name"] for v in whole)
    crops_before = stored(v["name"] for v in crops)

    def no_full_render(*args, **kwargs):
        raise AssertionError("the whole photo was encoded again")

    monkeypatch.setattr(variants_module, "render_variants", no_full_render)
    photo = Photo.objects.get(pk=real_photo.pk)
    photo.focal_x, photo.focal_y = 0.5, 0.2  # a 3:2 band higher up
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_photo(photo)
    assert len(callbacks) == 1  # the processing task
    photo.refresh_from_db()
    assert photo.status == Photo.Status.READY

    # The whole photo's variants: the same records, names, bytes and times.
    assert [v for v in photo.variants if not v.get("crop")] == whole
    assert stored(v["name"] for v in whole) == whole_before
    # The crops: new names for the new focal point, new pictures; the old ones gone.
    new_crops = [v for v in photo.variants if v.get("crop")]
    assert len(new_crops) == len(crops)
    assert all("-3x2-050020-" in v["name"] for v in new_crops)
    assert not any(default_storage.exists(name) for name in crops_before)
    crops_after = stored(v["name"] for v in new_crops)
    assert {data for data, _ in crops_after.values()}.isdisjoint(
        data for data, _ in crops_before.values()
    )
    assert (photo.width, photo.height, photo.placeholder) == (
        real_photo.width,
        real_photo.height,
        real_photo.placeholder,
    )

    # Byte for byte what a full render around the new focal point makes.
    monkeypatch.undo()
    with photo.original.open("rb") as source:
        full = render_variants(io.BytesIO(source.read()), crops=tuple(CROPS), focal=(0.5, 0.2))
    expected = {(v.format, v.width): v.data for v in full.variants if v.crop}
    assert {(v["format"], v["width"]): crops_after[v["name"]][0] for v in new_crops} == expected


def test_a_photo_made_before_the_qualities_were_recorded_is_made_again_in_full(real_photo):
    # Records without the encoders' qualities: the crops could not match a full render.
    legacy = [
        {k: v for k, v in variant.items() if k != "quality"} for variant in real_photo.variants
    ]
    Photo.objects.filter(pk=real_photo.pk).update(variants=legacy, focal_y=0.8)
    calls = []
    original = variants_module.render_variants

    def counting(*args, **kwargs):
        calls.append(kwargs["focal"])
        return original(*args, **kwargs)

    variants_module.render_variants = counting
    try:
        photo = process_photo(real_photo.pk)
    finally:
        variants_module.render_variants = original
    assert calls == [(0.5, 0.8)]
    assert all("quality" in variant for variant in photo.variants)
    assert {v["name"] for v in photo.variants if not v.get("crop")} == {
        v["name"] for v in legacy if not v.get("crop")
    }


def test_a_focal_point_moved_again_while_the_crops_were_made_discards_them(real_photo, monkeypatch):
    Photo.objects.filter(pk=real_photo.pk).update(focal_y=0.1)
    real_render_crops = variants_module.render_crops

    def render_then_move(*args, **kwargs):
        made = real_render_crops(*args, **kwargs)
        Photo.objects.filter(pk=real_photo.pk).update(focal_y=0.9)  # an editor saves again
        return made

    monkeypatch.setattr(variants_module, "render_crops", render_then_move)
    process_photo(real_photo.pk)
    photo = Photo.objects.get(pk=real_photo.pk)
    # The first crops are not recorded, and their files are not left behind;
    # the whole photo's files stay (the next task makes the crops at 0.9).
    assert photo.variants == real_photo.variants
    folder = real_photo.variants[0]["name"].rsplit("/", 1)[0]
    names = default_storage.listdir(folder)[1]
    assert any("-3x2-050050-" in name for name in names)
    assert not any("-3x2-050010-" in name for name in names)
    assert all(default_storage.exists(v["name"]) for v in photo.variants)
