"""What an upload must be to be accepted, and the message when it is not."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from photos.validation import validate_image_file
from tests.photos import images


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_image_file(upload(name, data))
    message = " ".join(caught.value.messages)
    assert name in message, message
    return message


@pytest.mark.parametrize(
    "image_format,name",
    [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("AVIF", "a.avif"), ("GIF", "a.gif")],
)
def test_it_accepts_the_allowed_formats(image_format, name):
    data = images.encode(images.upright_marker(64, 48), image_format)
    facts = validate_image_file(upload(name, data))
    assert (facts.format, facts.width, facts.height) == (image_format, 64, 48)


def test_it_detects_the_format_from_the_bytes_not_the_name():
    data = images.encode(images.upright_marker(64, 48), "PNG")
    assert validate_image_file(upload("photo.jpg", data)).format == "PNG"


def test_it_reports_the_displayed_size_of_a_rotated_photo():
    facts = validate_image_file(upload("turned.jpg", images.oriented_jpeg(6)))
    assert (facts.width, facts.height) == (1000, 600)


@pytest.mark.parametrize(
    "name,data,expected",
    [
        ("drawing.svg", images.SVG, "SVG"),
        ("page.jpg", images.HTML_AS_JPEG, "HTML"),
        ("layers.psd", images.PSD, "Photoshop"),
        ("scan.tif", None, "TIFF"),
        ("poster.eps", images.EPS, "PostScript"),
        ("phone.heic", images.HEIC, "HEIC"),
        ("notes.jpg", b"just some text, not an image at all", "not an image"),
    ],
)
def test_it_refuses_other_formats_naming_the_file_and_the_reason(name, data, expected):
    data = images.tiff() if data is None else data
    assert expected in refusal(name, data)


def test_it_refuses_a_truncated_jpeg():
    assert "damaged or incomplete" in refusal("half.jpg", images.truncated_jpeg())


def test_it_refuses_an_empty_file():
    assert "empty" in refusal("nothing.jpg", b"")


def test_it_refuses_an_image_over_the_pixel_limit(settings):
    settings.PHOTO_MAX_PIXELS = 50_000_000
    assert "too many pixels" in refusal("huge.png", images.png_claiming_size(8_000, 8_000))


def test_it_refuses_a_decompression_bomb_before_decoding_it():
    # 400 megapixels: Pillow itself calls it a bomb; the message stays ours.
    message = refusal("bomb.png", images.png_claiming_size(20_000, 20_000))
    assert "pixels" in message


def test_animation_frames_count_towards_the_pixel_limit(settings):
    settings.PHOTO_MAX_PIXELS = 600 * 400 * 2
    validate_image_file(upload("two.gif", images.animated_gif(frames=2)))
    assert "3 frame" in refusal("three.gif", images.animated_gif(frames=3))


def test_it_refuses_a_file_over_the_byte_limit(settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 1000
    data = images.encode(Image.effect_noise((200, 200), 50).convert("RGB"), "PNG")
    assert len(data) > 1000
    assert "larger than" in refusal("big.png", data)


def test_it_leaves_the_file_ready_to_be_read_again():
    data = images.encode(images.upright_marker(64, 48), "JPEG")
    file = upload("a.jpg", data)
    validate_image_file(file)
    assert file.read() == data


def test_it_reads_a_local_file_object_too():
    handle = io.BytesIO(images.encode(images.upright_marker(64, 48), "WEBP"))
    handle.name = "/tmp/folder/local.webp"
    assert validate_image_file(handle).format == "WEBP"
