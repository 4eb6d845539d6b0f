"""Uploads become photos with variants; refusals leave nothing; files follow the rows."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.urls import reverse
from PIL import Image

from meetings.models import Meeting
from photos.models import Photo
from photos.services import save_photo
from photos.variants import process_photo
from tests.factories import make_meeting, meeting_form
from tests.photos import images

pytestmark = pytest.mark.django_db


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def jpeg_upload(
    name: str = "visit.jpg", width: int = 1000, height: int = 600
) -> SimpleUploadedFile:
    data = images.encode(images.upright_marker(width, height), "JPEG", quality=90)
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def add_photo(client, upload, alt: str = "The chairman and the ambassador"):
    return client.post(
        reverse("admin:photos_photo_add"),
        {"original": upload, "alt_text_en": alt, "focal_x": "0.5", "focal_y": "0.5"},
    )


def test_an_uploaded_photo_gets_its_variants_after_commit(
    admin_client, superuser, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_photo(admin_client, jpeg_upload())
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.status == Photo.Status.READY
    assert (photo.width, photo.height) == (1000, 600)
    assert photo.uploaded_by == superuser
    assert len(photo.variants) == 9  # 480, 768 and 1000 in three formats
    files = media_files(settings)
    assert {variant["name"] for variant in photo.variants} <= files
    assert photo.original.name in files and photo.original.name.startswith("originals/")


def test_a_refused_upload_leaves_no_row_and_no_file(admin_client, settings):
    upload = SimpleUploadedFile("evil.jpg", images.HTML_AS_JPEG, content_type="image/jpeg")
    response = add_photo(admin_client, upload)
    assert response.status_code == 200
    assert "evil.jpg is an HTML page" in response.content.decode()
    assert Photo.objects.count() == 0
    assert media_files(settings) == set()


@pytest.mark.parametrize(
    "uploaded_as,image_format,extension",
    [("x.html", "JPEG", ".jpg"), ("photo.svg", "PNG", ".png"), ("noext", "WEBP", ".webp")],
)
def test_an_original_is_stored_with_the_extension_of_its_real_format(
    editor_client, settings, uploaded_as, image_format, extension
):
    data = images.encode(images.upright_marker(200, 120), image_format)
    response = add_photo(editor_client, SimpleUploadedFile(uploaded_as, data, "text/html"))
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.original.name.startswith("originals/")
    assert photo.original.name.endswith(extension)
    assert photo.original_name == uploaded_as
    assert photo.original.name in media_files(settings)


def test_the_byte_limit_holds_while_the_upload_streams(admin_client, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 20_000
    data = images.encode(Image.effect_noise((300, 300), 80).convert("RGB"), "JPEG", quality=95)
    assert len(data) > 20_000
    response = add_photo(admin_client, SimpleUploadedFile("noise.jpg", data, "image/jpeg"))
    assert response.status_code == 200
    assert "noise.jpg is larger than" in response.content.decode()
    assert Photo.objects.count() == 0
    assert media_files(settings) == set()


def test_replacing_a_photo_removes_its_old_files_after_commit(
    admin_client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_photo(admin_client, jpeg_upload("first.jpg", 900, 600))
    photo = Photo.objects.get()
    old_files = {photo.original.name} | {v["name"] for v in photo.variants}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:photos_photo_change", args=[photo.pk]),
            {
                "original": jpeg_upload("second.jpg", 800, 800),
                "alt_text_en": "Replaced",
                "focal_x": "0.5",
                "focal_y": "0.5",
            },
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.width, photo.height, photo.status) == (800, 800, Photo.Status.READY)
    files = media_files(settings)
    assert not old_files & files
    assert {photo.original.name} | {v["name"] for v in photo.variants} == files


def test_deleting_a_photo_removes_its_files_unless_another_shares_them(
    admin_client, settings, django_capture_on_commit_callbacks
):
    data = images.encode(images.upright_marker(700, 500), "JPEG")
    with django_capture_on_commit_callbacks(execute=True):
        add_photo(admin_client, SimpleUploadedFile("a.jpg", data, "image/jpeg"))
        add_photo(admin_client, SimpleUploadedFile("b.jpg", data, "image/jpeg"))
    first, second = Photo.objects.order_by("pk")
    assert first.variants == second.variants  # same bytes, same content-addressed names
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    files = media_files(settings)
    assert first.original.name not in files
    assert {v["name"] for v in second.variants} <= files
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:photos_photo_changelist"),
            {"action": "delete_selected", "_selected_action": [second.pk], "post": "yes"},
        )
    assert media_files(settings) == set()


def test_a_failed_photo_records_the_reason_and_can_be_retried(
    admin_client, settings, django_capture_on_commit_callbacks
):
    # A damaged original that got past validation (e.g. written by another tool).
    with django_capture_on_commit_callbacks(execute=True):
        photo = Photo(alt_text="Broken")
        photo.original.save("broken.jpg", ContentFile(images.truncated_jpeg()), save=False)
        photo.original._committed = False  # treat as a new upload
        save_photo(photo)
    photo.refresh_from_db()
    assert photo.status == Photo.Status.FAILED
    assert "truncated" in photo.failure_reason.lower() or "broken" in photo.failure_reason.lower()
    page = admin_client.get(reverse("admin:photos_photo_change", args=[photo.pk])).content.decode()
    assert photo.failure_reason.split(":")[0] in page

    # Mend the file, then retry from the admin.
    with default_storage.open(photo.original.name, "wb") as handle:
        handle.write(images.encode(images.upright_marker(600, 400), "JPEG"))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:photos_photo_changelist"),
            {"action": "retry_processing", "_selected_action": [photo.pk]},
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.status == Photo.Status.READY and photo.failure_reason == ""


def test_import_photos_reports_each_file_and_fails_if_any_was_refused(
    tmp_path, settings, capsys, django_capture_on_commit_callbacks
):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "a-good.jpg").write_bytes(images.encode(images.upright_marker(800, 500), "JPEG"))
    (folder / "b-page.jpg").write_bytes(images.HTML_AS_JPEG)
    (folder / "c-half.jpg").write_bytes(images.truncated_jpeg())
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError) as caught:
        call_command("import_photos", str(folder), "--alt", "Talks", "--credit", "Secretariat")
    assert "1 imported, 2 refused" in str(caught.value)
    lines = capsys.readouterr().out.strip().splitlines()
    photo = Photo.objects.get()
    assert lines[0].endswith(f"a-good.jpg: photo {photo.pk} (pending)") or lines[0].endswith(
        f"a-good.jpg: photo {photo.pk} (ready)"
    )
    assert "b-page.jpg: refused — b-page.jpg is an HTML page" in lines[1]
    assert "c-half.jpg: refused — c-half.jpg is damaged or incomplete" in lines[2]
    assert (photo.alt_text, photo.credit) == ("Talks", "Secretariat")
    assert photo.status == Photo.Status.READY
    assert all(name.startswith(("originals/", "photos/")) for name in media_files(settings))
    assert len(media_files(settings)) == 1 + 9


def test_import_photos_succeeds_on_real_photos(capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_photos", str(images.REAL_PHOTO), "--sample")
    assert "1 imported, 0 refused" in capsys.readouterr().out
    photo = Photo.objects.get()
    assert photo.is_sample and photo.status == Photo.Status.READY
    assert photo.alt_text == "sunset by Aitzol Berasategi"


def test_regenerating_twice_changes_nothing(settings, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo = Photo(alt_text="Hall")
        photo.original = ContentFile(
            images.encode(images.upright_marker(900, 600), "JPEG"), "h.jpg"
        )
        save_photo(photo)
    root = Path(settings.MEDIA_ROOT)
    before = {name: (root / name).stat().st_mtime_ns for name in media_files(settings)}
    call_command("regenerate_photos", "--all")
    call_command("regenerate_photos", "--all")
    output = capsys.readouterr().out
    assert output.count(f"photo {photo.pk}: up to date") == 2
    after = {name: (root / name).stat().st_mtime_ns for name in media_files(settings)}
    assert before == after

    # Lost variant files are made again.
    photo.refresh_from_db()
    default_storage.delete(photo.variants[0]["name"])
    call_command("regenerate_photos", "--all")
    assert f"photo {photo.pk}: made" in capsys.readouterr().out
    assert set(before) == set(media_files(settings))


class _PictureParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def render_picture(photo, arguments: str = 'sizes="50vw"') -> list[tuple[str, dict]]:
    html = Template("{% load photos %}{% picture photo " + arguments + " %}").render(
        Context({"photo": photo})
    )
    parser = _PictureParser()
    parser.feed(html)
    return parser.elements


def test_the_picture_tag_points_at_images_of_the_declared_widths(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = Photo(alt_text="Signing the documents")
        photo.original = ContentFile(
            images.encode(images.upright_marker(1500, 1000), "JPEG"), "s.jpg"
        )
        save_photo(photo)
    photo.refresh_from_db()
    elements = render_picture(photo)
    tags = [tag for tag, _ in elements]
    assert tags == ["span", "img", "picture", "source", "source", "img"]
    sources = [attrs for tag, attrs in elements if tag == "source"]
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    img = elements[-1][1]
    assert img["alt"] == "Signing the documents"
    assert (img["width"], img["height"]) == ("1500", "1000")
    assert img["loading"] == "lazy" and img["decoding"] == "async" and img["sizes"] == "50vw"
    assert "fetchpriority" not in img
    media_url = "/media/"
    for srcset in [source["srcset"] for source in sources] + [img["srcset"]]:
        candidates = [candidate.split() for candidate in srcset.split(", ")]
        assert [descriptor for _, descriptor in candidates] == ["480w", "768w", "1280w", "1500w"]
        for url, descriptor in candidates:
            with default_storage.open(url.removeprefix(media_url)) as handle:
                assert Image.open(handle).width == int(descriptor[:-1])


def test_the_first_picture_can_be_eager():
    photo = Photo.objects.create(alt_text="Pending", width=800, height=600)
    img = render_picture(photo, 'sizes="100vw" eager=True')[-1][1]
    assert img["loading"] == "eager"


def test_a_pending_photo_renders_a_sized_placeholder_not_a_broken_image():
    photo = Photo.objects.create(alt_text="Still processing", width=1200, height=800)
    elements = render_picture(photo)
    assert [tag for tag, _ in elements] == ["img"]
    img = elements[0][1]
    assert img["src"].startswith("data:image/svg+xml,")
    assert (img["width"], img["height"], img["alt"]) == ("1200", "800", "Still processing")


def test_several_photos_are_uploaded_into_a_gallery_at_once(
    admin_client, django_capture_on_commit_callbacks
):
    meeting = make_meeting(title_en="Talks", status="draft")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = meeting_form(title_en="Talks", status="draft", slug=meeting.slug)
    data.update(
        {
            "upload_photos": [jpeg_upload("one.jpg"), jpeg_upload("two.jpg", 700, 700)],
            "upload_photos_alt_0": "Delegations at the table",
            "upload_photos_caption_0": "The talks began at ten",
            "upload_photos_alt_1": "The chairman shakes hands with the ambassador",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302
    gallery = list(Meeting.objects.get(pk=meeting.pk).gallery.select_related("photo"))
    assert [item.photo.original_name for item in gallery] == ["one.jpg", "two.jpg"]
    assert [item.is_cover for item in gallery] == [True, False]
    assert all(item.photo.status == Photo.Status.READY for item in gallery)
    assert [item.photo.alt_text for item in gallery] == [
        "Delegations at the table",
        "The chairman shakes hands with the ambassador",
    ]
    assert [item.photo.caption for item in gallery] == ["The talks began at ten", ""]


def test_a_gallery_upload_with_a_bad_file_saves_nothing_and_keeps_the_good_file(
    admin_client, settings
):
    meeting = make_meeting(title_en="Talks", status="draft")
    data = meeting_form(title_en="Talks changed", status="draft", slug=meeting.slug)
    data.update(
        {
            "upload_photos": [
                jpeg_upload("good.jpg"),
                SimpleUploadedFile("bad.svg", images.SVG, "image/svg+xml"),
            ],
            "upload_photos_alt_0": "Delegations",
            "upload_photos_alt_1": "Not a photo",
        }
    )
    response = admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "bad.svg is an SVG drawing" in response.content.decode()
    assert Photo.objects.count() == 0
    assert Meeting.objects.get(pk=meeting.pk).title == "Talks"
    # The good file is kept, private, and comes back with the form and its alt text.
    kept = media_files(settings)
    assert len(kept) == 1 and next(iter(kept)).startswith("originals/pending-")
    html = response.content.decode()
    assert "good.jpg" in html and 'value="Delegations"' in html


def test_process_photo_ignores_a_deleted_photo():
    assert process_photo(987654) is None


def test_a_gallery_has_at_most_one_cover(admin_client):
    meeting = make_meeting(title_en="Talks", status="draft")
    first = Photo.objects.create(alt_text="One", width=10, height=10)
    second = Photo.objects.create(alt_text="Two", width=10, height=10)
    data = meeting_form(title_en="Talks", status="draft", slug=meeting.slug)
    data.update(
        {
            "gallery-TOTAL_FORMS": "2",
            "gallery-0-photo": str(first.pk),
            "gallery-0-position": "0",
            "gallery-0-is_cover": "on",
            "gallery-1-photo": str(second.pk),
            "gallery-1-position": "1",
            "gallery-1-is_cover": "on",
        }
    )
    response = admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "Choose one cover photo, not 2." in response.content.decode()
    assert not meeting.gallery.exists()
