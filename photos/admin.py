from django.contrib import admin, messages
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from commission.admin import SharedObjectAdmin
from core.admin import thumbnail_html
from core.admin_inlines import InlineAdminMixin
from core.history import GuardedHistoryAdmin
from photos import pending
from photos.forms import GalleryFormSet, GalleryUploadForm, PhotoAdminForm
from photos.models import Photo, covers_of, update_photos
from photos.services import photo_create_from_pending, save_photo, schedule_processing


@admin.register(Photo)
class PhotoAdmin(SharedObjectAdmin, GuardedHistoryAdmin, TranslationAdmin):
    """Photos are shared: one in a published gallery, or the portrait of a person
    in public use, is changed (file, caption…) or deleted by a publisher only."""

    form = PhotoAdminForm
    list_display = ("thumbnail", "__str__", "status", "size", "credit", "is_sample", "created_at")
    list_display_links = ("thumbnail", "__str__")
    list_filter = ("status", "is_sample", "licence")
    search_fields = (
        "alt_text_en",
        "alt_text_ru",
        "alt_text_be",
        "caption_en",
        "credit",
        "original_name",
    )
    readonly_fields = (
        "preview",
        "state",
        "size",
        "variant_table",
        "original_name",
        "uploaded_by",
        "created_at",
    )
    actions = ["retry_processing"]
    fieldsets = (
        (None, {"fields": ("original", "preview", "state", "alt_text", "caption")}),
        (_("Credit and licence"), {"fields": ("credit", "licence", "is_sample", "taken_on")}),
        (_("Focal point"), {"fields": (("focal_x", "focal_y"),), "classes": ("collapse",)}),
        (
            _("Variants"),
            {"fields": ("size", "variant_table", "original_name", "uploaded_by", "created_at")},
        ),
    )

    @admin.display(description=_("preview"))
    def thumbnail(self, photo: Photo):
        return thumbnail_html(photo)

    @admin.display(description=_("preview"))
    def preview(self, photo: Photo):
        return thumbnail_html(photo, width=320) if photo.pk else "—"

    @admin.display(description=_("state"))
    def state(self, photo: Photo):
        if photo.status == Photo.Status.FAILED:
            return format_html("{}: {}", photo.get_status_display(), photo.failure_reason)
        return photo.get_status_display()

    @admin.display(description=_("size"))
    def size(self, photo: Photo) -> str:
        if not photo.width:
            return "—"
        return f"{photo.width} × {photo.height}"

    @admin.display(description=_("variants"))
    def variant_table(self, photo: Photo):
        if not photo.variants:
            return "—"
        rows = format_html_join(
            "",
            '<tr><td>{}</td><td>{} × {}</td><td>{}</td><td><a href="{}">{}</a></td></tr>',
            (
                (
                    v["format"].upper(),
                    v["width"],
                    v["height"],
                    filesizeformat(v["bytes"]),
                    default_storage.url(v["name"]),
                    _("open"),
                )
                for v in photo.variants
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th></th></tr></thead>"
            "<tbody>{}</tbody></table><p>{}: {}</p>",
            _("format"),
            _("size"),
            _("bytes"),
            rows,
            _("total"),
            filesizeformat(photo.variant_bytes),
        )

    def save_model(self, request, obj: Photo, form, change: bool) -> None:
        if not change:
            obj.uploaded_by = request.user
        save_photo(obj)

    def get_urls(self):
        from django.urls import path

        return [
            path(
                "pending/<str:token>/",
                self.admin_site.admin_view(self.pending_view),
                name="photos_photo_pending",
            ),
            *super().get_urls(),
        ]

    def pending_view(self, request, token: str):
        """A photo kept while its form is corrected, for the form's preview (staff who add)."""
        from django.core.exceptions import PermissionDenied
        from django.http import FileResponse, Http404

        if not self.has_add_permission(request):
            raise PermissionDenied
        kept = pending.load(token)
        if kept is None:
            raise Http404
        response = FileResponse(default_storage.open(kept.name, "rb"))
        response["Content-Type"] = f"image/{kept.format.lower()}"
        response["Cache-Control"] = "private, max-age=3600"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @admin.action(description=_("Retry processing of the selected photos"))
    def retry_processing(self, request, queryset) -> None:
        with transaction.atomic():
            photos = list(queryset.select_for_update())
            for photo in photos:
                queued = Photo.objects.filter(pk=photo.pk)
                update_photos(queued, changed=False, status=Photo.Status.PENDING, failure_reason="")
                schedule_processing(photo, force=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d photo queued for processing.",
                "%(count)d photos queued for processing.",
                len(photos),
            )
            % {"count": len(photos)},
            messages.SUCCESS,
        )


class GalleryInline(InlineAdminMixin, admin.TabularInline):
    """Ordered photos of a meeting, visit or project, with one cover."""

    formset = GalleryFormSet
    extra = 0
    classes = ("sortable",)

    class Media:
        js = ("admin_extra/sortable_inline.js",)
        css = {"all": ("admin_extra/gallery_upload.css",)}

    autocomplete_fields = ("photo",)
    fields = ("thumbnail", "photo", "position", "is_cover")
    readonly_fields = ("thumbnail",)
    ordering = ("position", "pk")

    @admin.display(description=_("preview"))
    def thumbnail(self, item):
        return thumbnail_html(item.photo if item.pk else None, width=64)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")


class GalleryUploadAdminMixin:
    """Several photos uploaded at once into the object's gallery, each described."""

    form = GalleryUploadForm
    upload_fieldset = (
        _("Add photos to the gallery"),
        {"fields": ("upload_photos", "pending_photos", "upload_credit")},
    )

    class Media:
        js = ("admin_extra/gallery_upload.js",)
        css = {"all": ("admin_extra/gallery_upload.css",)}

    @admin.display(description=_("cover"))
    def cover(self, obj):
        if "cover_photo" not in obj.__dict__:  # not read with its page (read_page)
            obj.cover_photo = covers_of(type(obj), [obj.pk]).get(obj.pk)
        return thumbnail_html(obj.cover_photo, width=64)

    def row_relations(self, columns) -> tuple[str, ...]:
        relations = super().row_relations(columns)
        return (*relations, "gallery") if "cover" in columns else relations

    def read_page(self, items: list, columns) -> None:
        """Each row's cover photo, for the whole page in two queries."""
        super().read_page(items, columns)
        if "cover" in columns:
            covers = covers_of(self.model, [item.pk for item in items])
            for item in items:
                item.cover_photo = covers.get(item.pk)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        new_photos = form.cleaned_data.get("new_photos") or []
        if not new_photos:
            return
        gallery = form.instance.gallery
        last = gallery.order_by("-position").values_list("position", flat=True).first()
        position = 0 if last is None else last + 1
        has_cover = gallery.filter(is_cover=True).exists()
        for index, (kept, alt_text, caption) in enumerate(new_photos):
            photo = photo_create_from_pending(
                pending=kept,
                alt_text=alt_text,
                caption=caption,
                credit=form.cleaned_data.get("upload_credit", ""),
                uploaded_by=request.user,
            )
            gallery.create(
                photo=photo, position=position + index, is_cover=not has_cover and index == 0
            )
        self.message_user(
            request,
            ngettext(
                "%(count)d photo added to the gallery; its sizes are being made.",
                "%(count)d photos added to the gallery; their sizes are being made.",
                len(new_photos),
            )
            % {"count": len(new_photos)},
            messages.SUCCESS,
        )
