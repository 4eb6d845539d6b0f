"""Image files built for the tests with Pillow (and two small ICC profiles built by hand)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

SHARED_PHOTOS = Path(__file__).resolve().parents[3] / "shared" / "photos"
DEMO_PHOTOS = Path(__file__).resolve().parents[2] / "backoffice" / "demo" / "photos"
REAL_PHOTO = DEMO_PHOTOS / "sunset_by_Aitzol_Berasategi.jpg"

RED = (220, 20, 20)
BLUE = (20, 20, 220)

# PIL.Image.Transpose that undoes each EXIF orientation (the inverse of
# what a viewer applies), so that the upright image is what a viewer shows.
STORE_FOR_ORIENTATION = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def jpeg_bytes(width: int = 800, height: int = 600) -> bytes:
    """A plain JPEG of the given size."""
    return encode(upright_marker(width, height), "JPEG", quality=85)


def noisy_jpeg(width: int = 128, height: int = 128, seed: int = 0) -> bytes:
    """Random pixels: a JPEG that barely compresses, for filling a small disk."""
    import random

    pixels = random.Random(seed).randbytes(width * height * 3)
    return encode(Image.frombytes("RGB", (width, height), pixels), "JPEG", quality=95)


def upright_marker(width: int = 1000, height: int = 600) -> Image.Image:
    """Blue, with a red top-left quarter: shows which way up an image is."""
    image = Image.new("RGB", (width, height), BLUE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    return image


def oriented_jpeg(orientation: int, width: int = 1000, height: int = 600) -> bytes:
    image = upright_marker(width, height)
    undo = STORE_FOR_ORIENTATION[orientation]
    stored = image.transpose(undo) if undo is not None else image
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(stored, "JPEG", quality=90, exif=exif)


def jpeg_with_gps_and_serial() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x0110] = "SecretCam 3000"
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-12345-XYZ"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (53.0, 54.0, 0.0)
    gps[3] = "E"
    gps[4] = (27.0, 34.0, 0.0)
    return encode(upright_marker(900, 600), "JPEG", quality=90, exif=exif)


def png_16_bit(width: int = 600, height: int = 400, value: int = 32768) -> bytes:
    image = Image.new("I;16", (width, height), value)
    return encode(image, "PNG")


def palette_png_with_transparency(width: int = 600, height: int = 400) -> bytes:
    image = Image.new("P", (width, height), 0)
    image.putpalette([0, 0, 0, 200, 30, 30] + [0] * (254 * 3))
    image.paste(1, (width // 2, 0, width, height))  # right half red, left half index 0
    return encode(image, "PNG", transparency=0)


def animated_gif(frames: int = 3, size: tuple[int, int] = (600, 400)) -> bytes:
    colours = [RED, BLUE, (20, 200, 20), (200, 200, 20)]
    images = [Image.new("RGB", size, colours[index % len(colours)]) for index in range(frames)]
    return encode(images[0], "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)


def truncated_jpeg() -> bytes:
    data = encode(upright_marker(1200, 800), "JPEG", quality=90)
    return data[: len(data) // 2]


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: a decompression bomb."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


HTML_AS_JPEG = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
PSD = b"8BPS\x00\x01" + b"\x00" * 64
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n"
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 32


def tiff() -> bytes:
    return encode(upright_marker(100, 60), "TIFF")


# --- ICC profiles -----------------------------------------------------------


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz_tag(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + b"\x00" * 4 + _s15(x) + _s15(y) + _s15(z)


def _desc_tag(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\x00"
    body = b"desc" + b"\x00" * 4 + struct.pack(">I", len(ascii_text)) + ascii_text
    body += b"\x00" * 8  # no Unicode description
    body += b"\x00" * 3 + b"\x00" * 67  # no ScriptCode description
    return body


def _profile(device_class: bytes, colour_space: bytes, pcs: bytes, tags: list) -> bytes:
    """Assemble an ICC v2 profile from (signature, data) tags."""
    count = len(tags)
    offset = 128 + 4 + 12 * count
    table, blobs = b"", b""
    for signature, data in tags:
        while len(data) % 4:
            data += b"\x00"
        table += signature + struct.pack(">II", offset + len(blobs), len(data))
        blobs += data
    size = offset + len(blobs)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes([2, 0x10, 0, 0])
        + device_class
        + colour_space
        + pcs
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"APPL"
        + b"\x00" * 4  # flags
        + b"\x00" * 8  # manufacturer, model
        + b"\x00" * 8  # attributes
        + b"\x00" * 4  # rendering intent
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)  # D50
        + b"test"
        + b"\x00" * 44
    )
    assert len(header) == 128
    return header + struct.pack(">I", count) + table + blobs


def rgb_profile_with_red_and_green_swapped() -> bytes:
    """An RGB profile whose 'red' channel is sRGB's green and vice versa.

    Converting to sRGB must swap the two channels: a check that cannot pass
    unless the embedded profile is really applied.
    """
    gamma = b"curv" + b"\x00" * 4 + struct.pack(">IH", 1, 0x0233)  # gamma 2.2
    srgb_red, srgb_green, srgb_blue = (
        (0.4361, 0.2225, 0.0139),
        (0.3851, 0.7169, 0.0971),
        (0.1431, 0.0606, 0.7141),
    )
    return _profile(
        b"mntr",
        b"RGB ",
        b"XYZ ",
        [
            (b"desc", _desc_tag("Swapped red and green")),
            (b"wtpt", _xyz_tag(0.9642, 1.0, 0.8249)),
            (b"rXYZ", _xyz_tag(*srgb_green)),
            (b"gXYZ", _xyz_tag(*srgb_red)),
            (b"bXYZ", _xyz_tag(*srgb_blue)),
            (b"rTRC", gamma),
            (b"gTRC", gamma),
            (b"bTRC", gamma),
        ],
    )


def cmyk_profile_where_cyan_prints_red() -> bytes:
    """A CMYK profile (Lab PCS, 2-point LUT) in which full cyan is red.

    A naive CMYK-to-RGB conversion would give cyan; applying the profile
    gives red.
    """

    def lab16(lightness: float, a: float, b: float) -> bytes:
        # Legacy 16-bit Lab encoding used by lut16Type.
        return struct.pack(
            ">3H",
            round(lightness / 100 * 0xFF00),
            round((a + 128) * 256),
            round((b + 128) * 256),
        )

    clut = b""
    for c in (0, 1):
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    if k:
                        clut += lab16(0, 0, 0)
                    elif c and not (m or y):
                        clut += lab16(54.3, 80.8, 69.9)  # red
                    elif c or m or y:
                        clut += lab16(30, 0, 0)
                    else:
                        clut += lab16(100, 0, 0)
    identity = b"".join(
        _s15(1.0 if row == column else 0.0) for row in range(3) for column in range(3)
    )
    linear = struct.pack(">2H", 0, 65535)
    lut = (
        b"mft2"
        + b"\x00" * 4
        + bytes([4, 3, 2, 0])
        + identity
        + struct.pack(">2H", 2, 2)
        + linear * 4
        + clut
        + linear * 3
    )
    return _profile(
        b"prtr",
        b"CMYK",
        b"Lab ",
        [
            (b"desc", _desc_tag("Cyan prints red")),
            (b"wtpt", _xyz_tag(0.9642, 1.0, 0.8249)),
            (b"A2B0", lut),
        ],
    )


def cmyk_jpeg_with_profile(width: int = 600, height: int = 400) -> bytes:
    image = Image.new("CMYK", (width, height), (255, 0, 0, 0))  # full cyan
    return encode(image, "JPEG", quality=95, icc_profile=cmyk_profile_where_cyan_prints_red())


def rgb_jpeg_with_swapped_profile(width: int = 600, height: int = 400) -> bytes:
    image = Image.new("RGB", (width, height), (230, 10, 10))
    return encode(image, "JPEG", quality=95, icc_profile=rgb_profile_with_red_and_green_swapped())
