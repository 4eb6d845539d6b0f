"""Photos uploaded by the secretariat and the responsive variants made from them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.page_cache import bump_content_version
from photos.storage import original_name
from photos.validation import image_extension


def original_upload_to(instance: Photo, filename: str) -> str:
    # Originals are private: a random-looking, non-guessable name under originals/.
    return original_name(filename)


class OriginalFileField(models.FileField):
    """A photo's original, stored with the extension of the format read from its bytes."""

    class attr_class(FieldFile):  # noqa: N801 - the name Django looks for
        def save(self, name: str, content, save: bool = True) -> None:
            # Every write (a form's, a command's, a direct original.save()) names
            # the file after its real format, never after the uploaded name.
            super().save(f"original{image_extension(content)}", content, save)

    def deconstruct(self):
        # A plain FileField to migrations: the naming is the running code's rule.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs


class Photo(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    #: What stands for what a photo shows in a card's key (core.cards): every
    #: change to its text or variants moves ``updated_at`` (``update_photos``).
    card_state = ("updated_at", "status")

    original = OriginalFileField(_("original file"), upload_to=original_upload_to, max_length=255)
    original_name = models.CharField(_("uploaded file name"), max_length=255, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it. Required."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    is_sample = models.BooleanField(
        _("sample image"),
        default=False,
        help_text=_("A stand-in photo, labelled as a sample on the public site."),
    )
    taken_on = models.DateField(_("date taken"), null=True, blank=True)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    focal_x = models.FloatField(
        _("focal point (horizontal)"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right edge."),
    )
    focal_y = models.FloatField(
        _("focal point (vertical)"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    status = models.CharField(
        _("processing state"),
        max_length=16,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
        editable=False,
    )
    failure_reason = models.TextField(_("reason for failure"), blank=True, editable=False)
    placeholder = models.TextField(
        _("placeholder"),
        blank=True,
        editable=False,
        help_text=_("A tiny inline image shown while the real one loads."),
    )
    variants = models.JSONField(_("variants"), default=list, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.alt_text or self.original_name or f"Photo {self.pk}"

    @classmethod
    def from_db(cls, db, field_names, values):
        photo = super().from_db(db, field_names, values)
        # The focal point as stored, to tell when a save moves it.
        photo._saved_focal_point = (
            (photo.focal_x, photo.focal_y)
            if "focal_x" in photo.__dict__ and "focal_y" in photo.__dict__
            else None
        )
        return photo

    @property
    def focal_point_moved(self) -> bool:
        """True when the focal point differs from the one stored (or loaded)."""
        return self.focal_point != getattr(self, "_saved_focal_point", None)

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.variants)

    @property
    def focal_point(self) -> tuple[float, float]:
        return (self.focal_x, self.focal_y)

    def variants_of(self, image_format: str, crop: str = "") -> list[dict]:
        """Variants of the whole photo in ``image_format``, or of one crop (``"3x2"``)."""
        return sorted(
            (
                variant
                for variant in self.variants
                if variant["format"] == image_format and variant.get("crop", "") == crop
            ),
            key=lambda variant: variant["width"],
        )

    def largest_jpeg(self) -> dict | None:
        """The largest JPEG of the whole photo: what "open large" and the press download give."""
        variants = self.variants_of("jpeg") if self.is_ready else []
        return variants[-1] if variants else None

    def smallest_variant(self, image_format: str = "jpeg") -> dict | None:
        variants = self.variants_of(image_format)
        return variants[0] if variants else None

    @property
    def variant_bytes(self) -> int:
        return sum(variant["bytes"] for variant in self.variants)


def update_photos(photos: models.QuerySet, *, changed: bool = True, **fields) -> int:
    """``photos.update(**fields)`` as the change of content it is.

    The public pages' version moves (core.page_cache), so that a photo whose
    variants are ready is shown at once; with ``changed`` (what the photos
    show is different: new variants, other text) their ``updated_at`` moves
    too, as on a save, and the cards showing them are made again (core.cards;
    a change of ``status`` alone is seen there by the status, part of
    ``Photo.card_state``).
    """
    if changed:
        fields["updated_at"] = timezone.now()
    updated = photos.update(**fields)
    if updated:
        bump_content_version()
    return updated


class GalleryItem(models.Model):
    """One photo in an ordered gallery; each app's gallery subclasses this."""

    photo = models.ForeignKey(Photo, verbose_name=_("photo"), on_delete=models.CASCADE)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_cover = models.BooleanField(_("cover"), default=False)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.photo)


def covers_of(model: type[models.Model], ids) -> dict:
    """{item id: its cover photo} for items of ``model`` with a gallery, in two queries.

    The cover is the gallery's photo marked as such, else its first one (the
    public cards choose the same, ``photos.templatetags.photos``); an item
    without photos is left out.
    """
    relation = model._meta.get_field("gallery")
    owner = relation.field.attname
    entries = (
        relation.related_model.objects.filter(**{f"{owner}__in": list(ids)})
        .order_by(owner, "-is_cover", "position", "pk")
        .values_list(owner, "photo_id")
    )
    chosen: dict = {}
    for item, photo in entries:
        chosen.setdefault(item, photo)
    photos = Photo.objects.in_bulk(set(chosen.values()))
    return {item: photos[photo] for item, photo in chosen.items() if photo in photos}


def gallery_prefetch(model: type[models.Model]) -> Prefetch:
    """Prefetch ``model``'s gallery with each item's photo (one query for both).

    ``model`` has a gallery: a :class:`GalleryItem` subclass with
    ``related_name="gallery"``. The items come in the gallery's order.
    """
    item = model._meta.get_field("gallery").related_model
    return Prefetch("gallery", queryset=item.objects.select_related("photo"))
