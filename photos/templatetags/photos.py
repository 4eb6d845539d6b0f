"""``{% picture photo sizes="…" %}``: responsive markup for a photo.

Sizes are chosen by the template that shows the photo, where the layout is
known: ``{% picture photo sizes="(min-width: 72rem) 68rem, 100vw" eager=True %}``.
"""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.core.files.storage import default_storage

from photos.models import Photo
from photos.processing import CROPS, MIME_TYPES

register = template.Library()

#: The width of the JPEG given as ``src`` to browsers that ignore ``srcset``.
FALLBACK_WIDTH = 1280


def _srcset(variants: list[dict]) -> str:
    return ", ".join(f"{default_storage.url(v['name'])} {v['width']}w" for v in variants)


def _blank_svg(width: int, height: int) -> str:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}">'
        f'<rect width="100%" height="100%" fill="#e4e8ec"/></svg>'
    )
    return "data:image/svg+xml," + quote(svg)


@register.inclusion_tag("includes/picture.html")
def picture(
    photo: Photo | None,
    sizes: str = "100vw",
    eager: bool = False,
    css_class: str = "",
    crop: str = "",
) -> dict:
    """``crop="3x2"``: the variants cropped to 3:2 around the focal point (a
    photo made before they existed is framed by the stylesheet instead)."""
    if photo is None:
        return {"photo": None}
    if crop:
        css_class = f"{css_class} framed framed-{crop}".strip()
    context = {
        "photo": photo,
        "alt": photo.alt_text,
        "sizes": sizes,
        "eager": eager,
        "css_class": css_class,
    }
    if crop and photo.is_ready and not photo.variants_of("jpeg", crop):
        crop = ""  # older variants: the whole photo, framed by the stylesheet
    jpegs = photo.variants_of("jpeg", crop) if photo.is_ready else []
    if not jpegs:
        # Pending or failed: a neutral box of the right shape, never a broken image.
        width, height = photo.width or 4, photo.height or 3
        if crop in CROPS:
            width, height = CROPS[crop][0]
        context.update(ready=False, src=_blank_svg(width, height), width=width, height=height)
        return context
    largest = jpegs[-1]
    fallback = next((v for v in jpegs if v["width"] >= FALLBACK_WIDTH), largest)
    context.update(
        ready=True,
        sources=[
            {
                "type": MIME_TYPES[image_format],
                "srcset": _srcset(photo.variants_of(image_format, crop)),
            }
            for image_format in ("avif", "webp")
            if photo.variants_of(image_format, crop)
        ],
        srcset=_srcset(jpegs),
        src=default_storage.url(fallback["name"]),
        width=largest["width"],
        height=largest["height"],
        placeholder=photo.placeholder,
    )
    return context


@register.simple_tag
def variant_info(photo: Photo | None, image_format: str = "jpeg", min_width: int = 1200) -> dict:
    """URL and size of one variant (e.g. the JPEG for Open Graph), or an empty dict."""
    if photo is None or not photo.is_ready:
        return {}
    variants = photo.variants_of(image_format)
    if not variants:
        return {}
    chosen = next((v for v in variants if v["width"] >= min_width), variants[-1])
    return {
        "url": default_storage.url(chosen["name"]),
        "width": chosen["width"],
        "height": chosen["height"],
    }


@register.filter
def cover_first(items) -> list:
    """Gallery items with the cover first, the rest in their order."""
    items = list(items)
    covers = [item for item in items if item.is_cover][:1]
    return covers + [item for item in items if item not in covers]


@register.simple_tag
def largest_jpeg(photo: Photo | None) -> dict:
    """The largest JPEG of the whole photo (URL, size in pixels and bytes), or {}."""
    variant = photo.largest_jpeg() if photo is not None else None
    if not variant:
        return {}
    return {
        "url": default_storage.url(variant["name"]),
        "width": variant["width"],
        "height": variant["height"],
        "bytes": variant["bytes"],
    }
