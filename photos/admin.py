from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from photos.models import Photo


@admin.register(Photo)
class PhotoAdmin(TranslationAdmin):
    list_display = ("__str__", "status", "width", "height", "credit", "created_at")
    list_filter = ("status", "is_sample")
    search_fields = ("alt_text_en", "alt_text_ru", "alt_text_be", "caption_en", "credit")
    readonly_fields = ("status", "failure_reason", "width", "height", "uploaded_by", "created_at")
