"""Turn an original photo into its responsive variants.

Pure image work, no database: one decode per photo (JPEG decoded at a reduced
scale when that is enough), orientation applied, colour converted to sRGB,
then every width made from the one decoded image, largest first, and each
width encoded as AVIF, WebP and JPEG with no metadata at all.
"""

from __future__ import annotations

import base64
import io
import logging
import warnings
from dataclasses import dataclass, field
from typing import BinaryIO

from PIL import Image, ImageCms, ImageOps

#: Variant widths by name, as the public site uses them.
WIDTHS = {"sm": 480, "md": 768, "lg": 1280, "xl": 1920}

#: Bump when the output of this module changes: names include it, so old
#: cached variants are never served for new ones.
PIPELINE_VERSION = 1

#: Formats in the order browsers should prefer them; JPEG is the fallback.
FORMATS = ("avif", "webp", "jpeg")
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}

# Settings chosen by benchmarks/photo_variants.py: each format smaller than
# the JPEG at the same width with SSIM >= 0.95 against a reference resize.
ENCODER_OPTIONS = {
    "avif": {"quality": 60, "speed": 10, "max_threads": 1},
    "webp": {"quality": 80, "method": 2},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
}

logger = logging.getLogger(__name__)

PLACEHOLDER_WIDTH = 16
_SRGB = ImageCms.createProfile("sRGB")


@dataclass
class Variant:
    format: str
    width: int
    height: int
    data: bytes = field(repr=False)

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


@dataclass
class RenderResult:
    width: int
    height: int
    has_alpha: bool
    variants: list[Variant]
    placeholder: str


def target_widths(original_width: int) -> list[int]:
    """The widths to make: never wider than the original, which replaces the
    widths above it (a 1000 px original gets 480, 768 and 1000)."""
    widths = [width for width in WIDTHS.values() if width < original_width]
    widths.append(min(original_width, max(WIDTHS.values())))
    return sorted(set(widths))


def _oriented_size(image: Image.Image) -> tuple[int, int]:
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


SIXTEEN_BIT_GREY = ("I;16", "I;16L", "I;16B", "I;16N", "I")


def _to_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert to 8-bit RGB, or RGBA when the image has transparency, in sRGB."""
    if image.mode in SIXTEEN_BIT_GREY:
        # Scale 16 bits down to 8 instead of clipping everything to white.
        image = image.point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "RGBa", "LA", "La", "PA") or "transparency" in image.info
    if has_alpha:
        image = image.convert("RGBA")
    elif image.mode == "P":
        image = image.convert("RGB")
    if icc_profile and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            image = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
                _SRGB,
                renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode="RGBA" if has_alpha else "RGB",
            )
        except (OSError, ImageCms.PyCMSError) as error:
            # A broken or mismatched profile: treat the pixels as sRGB.
            logger.warning("Colour profile ignored: %s", error)
    return image.convert("RGBA" if has_alpha else "RGB")


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put the image on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _encode(image: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    if image_format == "jpeg":
        image = _flatten(image)
    # No exif, icc_profile or xmp is passed: variants carry no metadata.
    image.info = {}
    image.save(buffer, image_format.upper(), **ENCODER_OPTIONS[image_format])
    return buffer.getvalue()


def _placeholder(image: Image.Image) -> str:
    height = max(1, round(image.height * PLACEHOLDER_WIDTH / image.width))
    tiny = _flatten(image.resize((PLACEHOLDER_WIDTH, height), Image.Resampling.BOX))
    buffer = io.BytesIO()
    tiny.save(buffer, "WEBP", quality=40, method=4)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def render_variants(source: BinaryIO, formats: tuple[str, ...] = FORMATS) -> RenderResult:
    """Decode ``source`` once and return every variant of it."""
    with warnings.catch_warnings():
        # A decompression bomb is an error, never a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(source)
        image.seek(0)  # Animated images: the first frame.
        icc_profile = image.info.get("icc_profile")
        display_width, display_height = _oriented_size(image)
        widths = target_widths(display_width)
        if image.format == "JPEG":
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the largest
            # variant still fits: far less work and memory for big photos.
            scale = widths[-1] / display_width
            image.draft(image.mode, (round(image.size[0] * scale), round(image.size[1] * scale)))
        image.load()
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image, icc_profile)
    has_alpha = image.mode == "RGBA"

    variants: list[Variant] = []
    current = image
    for width in reversed(widths):
        height = max(1, round(display_height * width / display_width))
        if current.size != (width, height):
            # Each width from the previous, larger one: a cascade costs a
            # fraction of resizing the full image every time.
            current = current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for image_format in formats:
            variants.append(Variant(image_format, width, height, _encode(current, image_format)))
    placeholder = _placeholder(current)
    variants.sort(key=lambda variant: (FORMATS.index(variant.format), variant.width))
    return RenderResult(
        width=display_width,
        height=display_height,
        has_alpha=has_alpha,
        variants=variants,
        placeholder=placeholder,
    )
