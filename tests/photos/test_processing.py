"""The variants made from real and purpose-built images, checked by decoding them."""

import io

import pytest
from PIL import Image

from photos.processing import render_variants, target_widths
from tests.photos import images


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def close_to(pixel, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], expected, strict=True))


def test_a_real_photo_gets_twelve_variants_in_three_formats():
    with images.REAL_PHOTO.open("rb") as source:
        result = render_variants(source)
    assert (result.width, result.height) == (4272, 2848)
    made = {(variant.format, variant.width) for variant in result.variants}
    assert made == {(f, w) for f in ("avif", "webp", "jpeg") for w in (480, 768, 1280, 1920)}
    for variant in result.variants:
        decoded = decode(variant.data)
        assert decoded.format == variant.format.upper()
        assert decoded.size == (variant.width, variant.height)
        assert variant.height == round(2848 * variant.width / 4272)


def test_avif_and_webp_are_smaller_than_jpeg_at_each_width():
    with images.REAL_PHOTO.open("rb") as source:
        result = render_variants(source)
    by_key = {(v.format, v.width): len(v.data) for v in result.variants}
    for width in (480, 768, 1280, 1920):
        assert by_key[("avif", width)] < by_key[("jpeg", width)]
        assert by_key[("webp", width)] < by_key[("jpeg", width)]


@pytest.mark.parametrize(
    "original,expected",
    [
        (300, [300]),
        (480, [480]),
        (1000, [480, 768, 1000]),
        (1920, [480, 768, 1280, 1920]),
        (5000, [480, 768, 1280, 1920]),
    ],
)
def test_it_never_upscales(original, expected):
    assert target_widths(original) == expected


def test_a_1000_pixel_original_gets_480_768_and_1000():
    source = io.BytesIO(images.encode(images.upright_marker(1000, 600), "PNG"))
    result = render_variants(source, formats=("webp",))
    assert [(v.width, v.height) for v in result.variants] == [(480, 288), (768, 461), (1000, 600)]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_it_applies_every_exif_orientation(orientation):
    result = render_variants(io.BytesIO(images.oriented_jpeg(orientation)), formats=("jpeg",))
    assert (result.width, result.height) == (1000, 600)
    smallest = decode(result.variants[0].data).convert("RGB")
    assert smallest.size == (480, 288)
    assert close_to(smallest.getpixel((10, 10)), images.RED)
    assert close_to(smallest.getpixel((470, 278)), images.BLUE)
    assert close_to(smallest.getpixel((470, 10)), images.BLUE)


def test_a_large_rotated_jpeg_decoded_at_reduced_scale_keeps_its_shape():
    # Stored 4000x3000 with orientation 6: shown 3000 wide, 4000 tall.
    data = images.oriented_jpeg(6, width=3000, height=4000)
    result = render_variants(io.BytesIO(data), formats=("jpeg",))
    assert (result.width, result.height) == (3000, 4000)
    largest = decode(result.variants[-1].data).convert("RGB")
    assert largest.size == (1920, 2560)
    assert close_to(largest.getpixel((20, 20)), images.RED)


def test_no_metadata_survives_in_any_variant():
    result = render_variants(io.BytesIO(images.jpeg_with_gps_and_serial()))
    for variant in result.variants:
        assert b"SERIAL-12345-XYZ" not in variant.data
        assert b"SecretCam" not in variant.data
        decoded = decode(variant.data)
        assert len(decoded.getexif()) == 0, variant.format
        assert "exif" not in decoded.info and "xmp" not in decoded.info
        assert "icc_profile" not in decoded.info or not decoded.info["icc_profile"]


def test_it_converts_an_embedded_rgb_profile_to_srgb():
    # The profile swaps red and green: only a real conversion turns red into green.
    result = render_variants(io.BytesIO(images.rgb_jpeg_with_swapped_profile()), formats=("jpeg",))
    pixel = decode(result.variants[0].data).convert("RGB").getpixel((10, 10))
    assert pixel[1] > 180 and pixel[0] < 60, pixel


def test_it_converts_cmyk_through_its_profile():
    # In this profile full cyan prints red; a naive conversion would give cyan.
    result = render_variants(io.BytesIO(images.cmyk_jpeg_with_profile()), formats=("jpeg", "webp"))
    for variant in result.variants:
        decoded = decode(variant.data)
        assert decoded.mode == "RGB"
        pixel = decoded.getpixel((10, 10))
        assert pixel[0] > 180 and pixel[1] < 60 and pixel[2] < 60, (variant.format, pixel)


def test_it_scales_16_bit_images_instead_of_clipping():
    result = render_variants(io.BytesIO(images.png_16_bit(value=32768)), formats=("jpeg",))
    pixel = decode(result.variants[0].data).convert("RGB").getpixel((5, 5))
    assert all(110 <= channel <= 145 for channel in pixel), pixel


def test_transparency_is_kept_in_avif_and_webp_and_flattened_on_white_in_jpeg():
    result = render_variants(io.BytesIO(images.palette_png_with_transparency()))
    assert result.has_alpha
    for variant in result.variants:
        decoded = decode(variant.data)
        left, right = decoded.getpixel((5, 5)), decoded.getpixel((decoded.width - 5, 5))
        if variant.format == "jpeg":
            assert decoded.mode == "RGB"
            assert close_to(left, (255, 255, 255), 8)
        else:
            assert decoded.mode == "RGBA", variant.format
            assert left[3] < 10 and right[3] > 245
        assert close_to(right, (200, 30, 30), 30)


def test_an_animated_gif_uses_its_first_frame():
    result = render_variants(io.BytesIO(images.animated_gif(frames=3)), formats=("webp",))
    decoded = decode(result.variants[0].data)
    assert getattr(decoded, "n_frames", 1) == 1
    assert close_to(decoded.convert("RGB").getpixel((10, 10)), images.RED, 30)


def test_the_placeholder_is_a_tiny_inline_image():
    with images.REAL_PHOTO.open("rb") as source:
        result = render_variants(source, formats=("jpeg",))
    assert result.placeholder.startswith("data:image/webp;base64,")
    assert len(result.placeholder) < 600


def test_a_truncated_file_raises_instead_of_producing_variants():
    with pytest.raises(OSError):
        render_variants(io.BytesIO(images.truncated_jpeg()))
