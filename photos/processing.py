"""Turn an original photo into its responsive variants.

Pure image work, no database: one decode per photo (JPEG decoded at a reduced
scale when that is enough), orientation applied, colour converted to sRGB,
then every width made from the one decoded image, largest first, and each
width encoded as AVIF, WebP and JPEG with no metadata at all.

The encoder quality is chosen per photo and format: a short, bounded search
for the lowest quality whose variant reaches a structural similarity (SSIM)
floor against the resized image it was made from. Fixed settings leave small
detailed photos and scans visibly soft while wasting bytes on smooth ones.
"""

from __future__ import annotations

import base64
import io
import logging
import math
import warnings
from dataclasses import dataclass, field
from typing import BinaryIO

from PIL import Image, ImageCms, ImageMath

from photos.orientation import oriented_size, upright

#: Variant widths by name, as the public site uses them.
WIDTHS = {"sm": 480, "md": 768, "lg": 1280, "xl": 1920}

#: Bump when the output of this module changes: names include it, so old
#: cached variants are never served for new ones.
PIPELINE_VERSION = 2

#: Cropped variants at fixed aspect ratios, framed around the photo's focal
#: point, for cards and galleries: name -> ((width ratio, height ratio), widths).
CROPS = {"3x2": ((3, 2), (480, 768, 1280))}

#: Formats in the order browsers should prefer them; JPEG is the fallback.
FORMATS = ("avif", "webp", "jpeg")
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}

# Settings chosen by benchmarks/photo_variants.py. The quality here is where
# the search starts (and the whole story with ``adaptive=False``): most
# photos reach the SSIM floor with it.
ENCODER_OPTIONS = {
    "avif": {"quality": 60, "speed": 10, "max_threads": 1},
    "webp": {"quality": 80, "method": 2},
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
}

#: Every variant should reach this SSIM (luminance, 7x7 windows) against a
#: Lanczos resize of the full original to the variant's width.
SSIM_FLOOR = 0.95
#: What the search aims at is a little higher. Its reference is our own
#: resize (a cascade from the one decode), not a resize of the full original,
#: and its SSIM uses disjoint windows, not every window position: together
#: up to 0.001 apart (benchmarks/photo_variants.py measures both).
SSIM_TARGET = SSIM_FLOOR + 0.002
#: When libjpeg decoded at reduced scale, our reference itself is further
#: from a resize of the full original for the widths close to the decoded one:
#: up to 0.005 SSIM at the largest width, 0.0025 at the next, under 0.001 for
#: widths a third of the decoded one or less (measured on detailed photos of
#: 13 to 32 MP). Those widths aim higher.
SSIM_TARGET_REDUCED_DECODE = SSIM_FLOOR + 0.006
SSIM_WINDOW = 7


@dataclass(frozen=True)
class QualityRange:
    """Where the quality search for one format may go.

    ``floor`` keeps smooth photos from being squeezed into banding that a
    luminance SSIM does not see; ``ceiling`` bounds the bytes of the hardest
    ones; ``slope`` is a typical SSIM gain per quality step near the floor,
    used for the first guess before two measurements give a real one.
    """

    floor: int
    ceiling: int
    slope: float


QUALITY_RANGES = {
    "avif": QualityRange(floor=50, ceiling=90, slope=0.0025),
    "webp": QualityRange(floor=70, ceiling=95, slope=0.0025),
    "jpeg": QualityRange(floor=72, ceiling=95, slope=0.0025),
}
#: Encodes at most for the largest variant of a format: the floor, the
#: configured quality, an interpolated guess and a safer one.
MAX_ENCODES_LARGEST = 4
#: Encodes at most for each smaller variant: the quality of the next larger
#: one, then up to two guesses above it (no refinement back down: a few
#: bytes of a small file are not worth an encode).
MAX_ENCODES_SMALLER = 3
#: A refinement between a failing and a passing quality must save this many
#: quality steps to be worth an encode.
MIN_REFINEMENT = 3

logger = logging.getLogger(__name__)

PLACEHOLDER_WIDTH = 16
_SRGB = ImageCms.createProfile("sRGB")


@dataclass
class Variant:
    format: str
    width: int
    height: int
    data: bytes = field(repr=False)
    #: The encoder quality used.
    quality: int = 0
    #: SSIM against the resized image it was encoded from (None: not measured).
    ssim: float | None = None
    #: The crop (a key of ``CROPS``) for a cropped variant; empty for the whole photo.
    crop: str = ""

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


def crop_box(
    width: int, height: int, ratio: tuple[int, int], focal: tuple[float, float]
) -> tuple[int, int, int, int]:
    """The largest box of ``ratio`` in a ``width`` × ``height`` image, centred on
    the focal point (0–1 each way) as far as the edges allow."""
    ratio_width, ratio_height = ratio
    focal_x = min(1.0, max(0.0, focal[0]))
    focal_y = min(1.0, max(0.0, focal[1]))
    if width * ratio_height > height * ratio_width:
        box_width, box_height = max(1, round(height * ratio_width / ratio_height)), height
    else:
        box_width, box_height = width, max(1, round(width * ratio_height / ratio_width))
    left = round(min(max(focal_x * width - box_width / 2, 0), width - box_width))
    top = round(min(max(focal_y * height - box_height / 2, 0), height - box_height))
    return left, top, left + box_width, top + box_height


def _crop_variants(
    image: Image.Image,
    formats: tuple[str, ...],
    crops: tuple[str, ...],
    focal: tuple[float, float],
    qualities: dict[tuple[str, int], int],
) -> list[Variant]:
    """Cropped variants, each width encoded once at the quality the whole
    photo needed at a similar width (a crop holds the same detail per pixel)."""
    variants: list[Variant] = []
    for crop in crops:
        ratio, widths = CROPS[crop]
        box = crop_box(image.width, image.height, ratio, focal)
        cropped = image.crop(box)
        made = [width for width in widths if width < cropped.width]
        made.append(min(cropped.width, max(widths)))
        current = cropped
        for width in sorted(set(made), reverse=True):
            height = max(1, round(width * ratio[1] / ratio[0]))
            if current.size != (width, height):
                current = current.resize(
                    (width, height), Image.Resampling.LANCZOS, reducing_gap=3.0
                )
            for image_format in formats:
                quality = _quality_near(qualities, image_format, width)
                data = _encode(current, image_format, quality)
                variants.append(
                    Variant(image_format, width, height, data, quality=quality, crop=crop)
                )
    return variants


def _quality_near(qualities: dict[tuple[str, int], int], image_format: str, width: int) -> int:
    """The quality of the narrowest whole-photo variant at least ``width`` wide
    (or of the widest), for a cropped variant of that width."""
    widths = sorted(w for f, w in qualities if f == image_format)
    if not widths:
        return ENCODER_OPTIONS[image_format]["quality"]
    chosen = next((w for w in widths if w >= width), widths[-1])
    return qualities[(image_format, chosen)]


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


def _encode(image: Image.Image, image_format: str, quality: int | None = None) -> bytes:
    buffer = io.BytesIO()
    if image_format == "jpeg":
        image = _flatten(image)
    options = dict(ENCODER_OPTIONS[image_format])
    if quality is not None:
        options["quality"] = quality
    # No exif, icc_profile or xmp is passed: variants carry no metadata.
    image.info = {}
    image.save(buffer, image_format.upper(), **options)
    return buffer.getvalue()


class SimilarityReference:
    """The luminance statistics of one image, for SSIM against many candidates.

    Pure Pillow (no numpy at run time): SSIM over disjoint windows of
    ``SSIM_WINDOW`` pixels, the means taken with ``Image.reduce`` on 32-bit
    float images. Disjoint windows are a regular sample of the sliding
    windows of the usual definition and give the same mean within about 0.001.
    Images are flattened on white first, so transparency counts as it shows.
    """

    def __init__(self, image: Image.Image) -> None:
        self.size = image.size
        self.window = max(1, min(SSIM_WINDOW, *image.size))
        self.luminance = self._luminance(image)
        self.mean = self.luminance.reduce(self.window)
        self.mean_of_square = _product(self.luminance, self.luminance).reduce(self.window)

    def _luminance(self, image: Image.Image) -> Image.Image:
        # Whole windows only: a partial window at the edge would be averaged
        # over fewer pixels and weigh as much as a whole one.
        width = self.size[0] - self.size[0] % self.window
        height = self.size[1] - self.size[1] % self.window
        return _flatten(image).convert("L").crop((0, 0, width, height)).convert("F")

    def ssim(self, candidate: Image.Image) -> float:
        """Mean SSIM of ``candidate`` (same size) against this reference."""
        if candidate.size != self.size:
            raise ValueError(f"Sizes differ: {candidate.size} and {self.size}")
        luminance = self._luminance(candidate)
        index = ImageMath.lambda_eval(
            _ssim_index,
            mean_x=self.mean,
            square_x=self.mean_of_square,
            mean_y=luminance.reduce(self.window),
            square_y=_product(luminance, luminance).reduce(self.window),
            product=_product(self.luminance, luminance).reduce(self.window),
        )
        # A box reduction to one pixel is the mean of the SSIM map.
        return float(index.reduce(index.size).getpixel((0, 0)))


_C1 = (0.01 * 255) ** 2
_C2 = (0.03 * 255) ** 2


def _product(first: Image.Image, second: Image.Image) -> Image.Image:
    return ImageMath.lambda_eval(lambda operands: operands["a"] * operands["b"], a=first, b=second)


def _ssim_index(operands: dict) -> object:
    mean_x, mean_y = operands["mean_x"], operands["mean_y"]
    mean_xy = mean_x * mean_y
    square_means = mean_x * mean_x + mean_y * mean_y
    variances = operands["square_x"] + operands["square_y"] - square_means
    covariance = operands["product"] - mean_xy
    return ((mean_xy * 2 + _C1) * (covariance * 2 + _C2)) / (
        (square_means + _C1) * (variances + _C2)
    )


def _decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@dataclass
class _Attempt:
    quality: int
    data: bytes
    ssim: float


def _next_quality(
    attempts: list[_Attempt],
    quality_range: QualityRange,
    target: float,
    *,
    refine: bool,
    last: bool,
) -> int | None:
    """The next quality to try after the first probes, or None when done.

    Above the highest failing quality, with none passing: step by the
    measured slope (the format's typical one until two points give a real
    one); on the last try, twice as far, as a variant below the floor is the
    worse outcome. Between a failing and a passing quality, with ``refine``:
    interpolate the SSIM linearly, when that saves at least
    ``MIN_REFINEMENT`` quality steps (less is not worth a full encode).
    """
    passing = [a for a in attempts if a.ssim >= target]
    failing = [a for a in attempts if a.ssim < target]
    if not failing:
        return None
    highest_fail = max(failing, key=lambda a: a.quality)
    if passing:
        if not refine:
            return None
        lowest_pass = min(passing, key=lambda a: a.quality)
        gained = max(lowest_pass.ssim - highest_fail.ssim, 1e-6)
        share = (target - highest_fail.ssim) / gained
        quality = highest_fail.quality + math.ceil(
            share * (lowest_pass.quality - highest_fail.quality)
        )
        return quality if lowest_pass.quality - quality >= MIN_REFINEMENT else None
    if highest_fail.quality >= quality_range.ceiling:
        return None
    slope = quality_range.slope
    if len(failing) >= 2:
        lower, higher = sorted(failing, key=lambda a: a.quality)[-2:]
        if higher.ssim > lower.ssim:
            slope = (higher.ssim - lower.ssim) / (higher.quality - lower.quality)
    step = math.ceil((target - highest_fail.ssim) / slope) * (2 if last else 1)
    return min(quality_range.ceiling, highest_fail.quality + max(step, 1))


def _search_quality(
    image: Image.Image,
    reference: SimilarityReference,
    image_format: str,
    probes: tuple[int, ...],
    target: float,
    *,
    max_encodes: int,
    refine: bool,
) -> _Attempt:
    """Encode ``image`` at the lowest quality found to reach SSIM ``target``.

    ``probes`` are tried first, in order, while they fall short; the search
    never goes below the first. When no quality up to the ceiling reaches
    the target within ``max_encodes``, the best one tried is used.
    """
    quality_range = QUALITY_RANGES[image_format]
    pending = [min(max(q, quality_range.floor), quality_range.ceiling) for q in probes]
    attempts: list[_Attempt] = []
    quality: int | None = pending.pop(0)
    while quality is not None and len(attempts) < max_encodes:
        data = _encode(image, image_format, quality)
        attempts.append(_Attempt(quality, data, reference.ssim(_decode(data))))
        pending = [q for q in pending if q > quality]
        if attempts[-1].ssim >= target and quality == attempts[0].quality:
            break  # The lowest allowed quality is enough.
        if pending and attempts[-1].ssim < target:
            quality = pending.pop(0)
        else:
            last = len(attempts) == max_encodes - 1
            quality = _next_quality(attempts, quality_range, target, refine=refine, last=last)
    passing = [a for a in attempts if a.ssim >= target]
    if passing:
        return min(passing, key=lambda a: a.quality)
    best = max(attempts, key=lambda a: a.ssim)
    logger.info(
        "%s at %d px reached SSIM %.4f at most (quality %d)",
        image_format,
        image.width,
        best.ssim,
        best.quality,
    )
    return best


def _placeholder(image: Image.Image) -> str:
    height = max(1, round(image.height * PLACEHOLDER_WIDTH / image.width))
    tiny = _flatten(image.resize((PLACEHOLDER_WIDTH, height), Image.Resampling.BOX))
    buffer = io.BytesIO()
    tiny.save(buffer, "WEBP", quality=40, method=4)
    return "data:image/webp;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@dataclass
class Decoded:
    """An original decoded once, upright and in sRGB, with the widths to make."""

    image: Image.Image
    display_width: int
    display_height: int
    widths: list[int]
    #: libjpeg decoded at a reduced scale (the largest variant still fits).
    reduced_decode: bool


def _decode_original(source: BinaryIO) -> Decoded:
    """The one decode every variant of a photo is made from.

    Whole-photo and cropped variants alike start from it, so cropped variants
    made alone (:func:`render_crops`) are the bytes a full render makes.
    """
    with warnings.catch_warnings():
        # A decompression bomb is an error, never a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(source)
        image.seek(0)  # Animated images: the first frame.
        icc_profile = image.info.get("icc_profile")
        display_width, display_height = oriented_size(image)
        widths = target_widths(display_width)
        stored_size = image.size
        if image.format == "JPEG":
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the largest
            # variant still fits: far less work and memory for big photos.
            scale = widths[-1] / display_width
            image.draft(image.mode, (round(image.size[0] * scale), round(image.size[1] * scale)))
        image.load()
    reduced_decode = image.size != stored_size
    image = upright(image)
    image = _to_srgb(image, icc_profile)
    return Decoded(image, display_width, display_height, widths, reduced_decode)


def render_crops(
    source: BinaryIO,
    *,
    crops: tuple[str, ...],
    focal: tuple[float, float],
    qualities: dict[tuple[str, int], int],
    formats: tuple[str, ...] = FORMATS,
) -> list[Variant]:
    """Only the cropped variants of ``source``, around ``focal``.

    For a moved focal point: the whole photo's variants do not change, so
    they are not made again. ``qualities`` are the qualities the whole
    photo's variants were encoded at, by (format, width), as
    :func:`render_variants` chose them: the crops come out byte for byte as a
    full render would make them.
    """
    image = _decode_original(source).image
    variants = _crop_variants(image, formats, crops, focal, qualities)
    variants.sort(key=lambda variant: (variant.crop, FORMATS.index(variant.format), variant.width))
    return variants


def render_variants(
    source: BinaryIO,
    formats: tuple[str, ...] = FORMATS,
    *,
    adaptive: bool = True,
    crops: tuple[str, ...] = (),
    focal: tuple[float, float] = (0.5, 0.5),
) -> RenderResult:
    """Decode ``source`` once and return every variant of it.

    With ``adaptive`` (the default) each format's quality is searched for
    on the largest width, between the format's floor and ceiling, and carried
    down to the smaller widths, each checked and raised if it falls short
    (smaller widths hold more detail per pixel). Without it, the configured
    quality is used throughout. ``crops`` (keys of ``CROPS``) adds variants
    cropped to those aspect ratios around ``focal``.
    """
    decoded = _decode_original(source)
    image, widths = decoded.image, decoded.widths
    display_width, display_height = decoded.display_width, decoded.display_height
    reduced_decode = decoded.reduced_decode
    has_alpha = image.mode == "RGBA"

    variants: list[Variant] = []
    qualities = {f: ENCODER_OPTIONS[f]["quality"] for f in formats}
    current = image
    for width in reversed(widths):
        height = max(1, round(display_height * width / display_width))
        if current.size != (width, height):
            # Each width from the previous, larger one: a cascade costs a
            # fraction of resizing the full image every time.
            current = current.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        if not adaptive:
            for image_format in formats:
                data = _encode(current, image_format)
                variants.append(
                    Variant(image_format, width, height, data, quality=qualities[image_format])
                )
            continue
        reference = SimilarityReference(current)
        largest = width == widths[-1]
        close_to_reduced = reduced_decode and width * 3 > image.width
        target = SSIM_TARGET_REDUCED_DECODE if close_to_reduced else SSIM_TARGET
        for image_format in formats:
            # The largest width tries the floor first (most photos pass it,
            # and one encode is the cheapest outcome), then the configured
            # quality: a photo that passes with it never gets more bytes.
            # Smaller widths start from the quality of the next larger one.
            probes = (
                (QUALITY_RANGES[image_format].floor, qualities[image_format])
                if largest
                else (qualities[image_format],)
            )
            chosen = _search_quality(
                current,
                reference,
                image_format,
                probes,
                target,
                max_encodes=MAX_ENCODES_LARGEST if largest else MAX_ENCODES_SMALLER,
                refine=largest,
            )
            qualities[image_format] = chosen.quality
            variants.append(
                Variant(image_format, width, height, chosen.data, chosen.quality, chosen.ssim)
            )
    if crops:
        chosen_qualities = {(v.format, v.width): v.quality for v in variants}
        variants += _crop_variants(image, formats, crops, focal, chosen_qualities)
    placeholder = _placeholder(current)
    variants.sort(key=lambda variant: (variant.crop, FORMATS.index(variant.format), variant.width))
    return RenderResult(
        width=display_width,
        height=display_height,
        has_alpha=has_alpha,
        variants=variants,
        placeholder=placeholder,
    )
