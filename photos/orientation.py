"""The EXIF orientation of an image, read in one place for validation and processing.

A camera stores a photo as the sensor saw it and says in the EXIF Orientation
tag how to turn it for display; orientations 5 to 8 swap width and height.
"""

from __future__ import annotations

from PIL import Image, ImageOps

#: The EXIF tag of the orientation.
ORIENTATION = 0x0112
#: The orientations that turn the image a quarter (width and height swapped).
QUARTER_TURNS = (5, 6, 7, 8)


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """The size of ``image`` as displayed: (width, height) after the orientation."""
    width, height = image.size
    if image.getexif().get(ORIENTATION, 1) in QUARTER_TURNS:
        return height, width
    return width, height


def upright(image: Image.Image) -> Image.Image:
    """``image`` turned as its orientation says (the tag is then dropped)."""
    return ImageOps.exif_transpose(image)
