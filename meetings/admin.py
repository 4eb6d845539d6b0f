from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from commission.admin import PublishableAdmin
from meetings.models import Meeting, MeetingPhoto, Participant
from photos.admin import GalleryInline, GalleryUploadAdminMixin


class ParticipantInline(TranslationTabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ("person",)


class MeetingPhotoInline(GalleryInline):
    model = MeetingPhoto


@admin.register(Meeting)
class MeetingAdmin(GalleryUploadAdminMixin, PublishableAdmin):
    list_display = ("title", "date", "kind", "country_list", "status")
    list_filter = ("status", "kind", "date")
    date_hierarchy = "date"
    search_fields = ("title_en", "title_ru", "title_be", "summary_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("topics",)
    inlines = [ParticipantInline, MeetingPhotoInline]
    fieldsets = (
        (None, {"fields": ("title", "kind", "date", "start_time", "place", "countries", "topics")}),
        (_("Text"), {"fields": ("summary", "body", "source_url")}),
        GalleryUploadAdminMixin.upload_fieldset,
        PublishableAdmin.publishing_fieldset,
    )

    @admin.display(description=_("countries"))
    def country_list(self, meeting: Meeting) -> str:
        return ", ".join(country.name for country in meeting.countries)
