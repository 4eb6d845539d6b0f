"""Checks an uploaded image must pass before anything is stored.

The format is detected from the bytes, never from the name or the declared
content type; only JPEG, PNG, WebP, AVIF and GIF are accepted. Sizes in bytes
and pixels (all animation frames counted) are limited, decompression bombs
are errors, and the file must decode to the end.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from photos.orientation import oriented_size

#: Pillow's format names of the formats we take.
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "GIF")
#: The extension an original of each format is stored with.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "AVIF": ".avif", "GIF": ".gif"}

# Signatures of formats we refuse by name, so the message says what the file is.
_REFUSED_SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"8BPS", 0, "a Photoshop document (PSD)"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"%!PS", 0, "a PostScript or EPS file"),
    (b"\xc5\xd0\xd3\xc6", 0, "an EPS file"),
    (b"%PDF", 0, "a PDF document"),
    (b"BM", 0, "a BMP image"),
    (b"\x00\x00\x01\x00", 0, "an icon file"),
]
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"}
_AVIF_BRANDS = {b"avif", b"avis"}


@dataclass(frozen=True)
class ImageFacts:
    format: str
    #: Size as displayed, after the EXIF orientation is applied.
    width: int
    height: int
    frames: int


def _name(upload: BinaryIO) -> str:
    return os.path.basename(getattr(upload, "name", "") or _("the file"))


def _sniff(head: bytes) -> str | None:
    """What the first bytes say the file is, if it is something we refuse."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml")) or b"<svg" in text[:512]:
        return _("an SVG drawing")
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
        return _("an HTML page")
    for signature, offset, description in _REFUSED_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            return _(description)
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS and brand not in _AVIF_BRANDS:
            return _("a HEIC/HEIF photo, which cannot be read here; export it as JPEG")
    return None


def validate_image_file(upload: BinaryIO) -> ImageFacts:
    """Check an uploaded or local image file; raise ValidationError with a clear reason."""
    name = _name(upload)
    limit = settings.PHOTO_MAX_UPLOAD_BYTES
    if getattr(upload, "exceeded_size_limit", False) or (getattr(upload, "size", 0) or 0) > limit:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s, the most a photo may be.")
            % {"name": name, "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if not head:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    refused = _sniff(head)
    if refused:
        raise ValidationError(
            _("%(name)s is %(what)s. Upload a JPEG, PNG, WebP, AVIF or GIF image.")
            % {"name": name, "what": refused},
            code="format",
        )

    max_pixels = settings.PHOTO_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload, formats=ALLOWED_FORMATS) as image:
                frames = getattr(image, "n_frames", 1)
                width, height = image.size
                if width * height * frames > max_pixels:
                    raise ValidationError(
                        _(
                            "%(name)s has too many pixels (%(width)s × %(height)s, %(frames)s "
                            "frame(s)); the most allowed is %(limit)s million."
                        )
                        % {
                            "name": name,
                            "width": width,
                            "height": height,
                            "frames": frames,
                            "limit": round(max_pixels / 1_000_000),
                        },
                        code="too_many_pixels",
                    )
                image_format = image.format
                width, height = oriented_size(image)
                if image_format == "JPEG":
                    # Decoding at 1/8 scale still reads every byte: enough to
                    # find a truncated file at a fraction of the cost.
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
    except ValidationError:
        raise
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("%(name)s is not an image in a format we accept (JPEG, PNG, WebP, AVIF or GIF).")
            % {"name": name},
            code="format",
        ) from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("%(name)s is too large in pixels to be opened safely.") % {"name": name},
            code="too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        # Pillow reports truncated or corrupt data with these.
        raise ValidationError(
            _("%(name)s is damaged or incomplete and cannot be read (%(detail)s).")
            % {"name": name, "detail": str(error) or error.__class__.__name__},
            code="corrupt",
        ) from error
    finally:
        upload.seek(0)
    return ImageFacts(format=image_format, width=width, height=height, frames=frames)


def image_extension(file: BinaryIO) -> str:
    """The extension of the accepted format the bytes are in, read from the header only.

    Empty if the file is in no accepted format (it was refused by
    :func:`validate_image_file` on every path that stores a photo).
    """
    try:
        file.seek(0)
        with Image.open(file, formats=ALLOWED_FORMATS) as image:
            return EXTENSIONS.get(image.format or "", "")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return ""
    finally:
        file.seek(0)
