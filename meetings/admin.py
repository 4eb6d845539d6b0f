from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import CountryListFilter, PublishableAdmin, country_names
from core.admin_inlines import InlineAdminMixin
from meetings.models import Meeting, MeetingPhoto, Participant
from meetings.resources import MeetingResource
from photos.admin import GalleryInline, GalleryUploadAdminMixin


class ParticipantInline(InlineAdminMixin, TranslationTabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ("person",)
    classes = ("sortable",)
    ordering = ("side", "position", "pk")

    class Media:
        js = ("admin_extra/sortable_inline.js",)
        css = {"all": ("admin_extra/gallery_upload.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class MeetingPhotoInline(GalleryInline):
    model = MeetingPhoto


@admin.register(Meeting)
class MeetingAdmin(GalleryUploadAdminMixin, PublishableAdmin):
    resource_classes = [MeetingResource]
    list_display = ("title", "date", "kind", "countries_column", "cover", "state", "translations")
    list_filter = ("status", "kind", CountryListFilter, "topics", "is_sample")
    date_hierarchy = "date"
    search_fields = ("title_en", "title_ru", "title_be", "summary_en", "slug")
    autocomplete_fields = ("countries", "topics")
    inlines = [ParticipantInline, MeetingPhotoInline]
    main_fields = ("kind", ("date", "start_time"), "countries", "topics", "source_url")
    translated_fields = ("title", "place", "summary", "body")
    extra_fieldsets = (GalleryUploadAdminMixin.upload_fieldset,)

    @admin.display(description=_("countries"))
    def countries_column(self, meeting: Meeting) -> str:
        return country_names(meeting)
