from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from commission.admin import PublishableAdmin
from delegations.models import (
    Delegation,
    DelegationDocument,
    DelegationMember,
    DelegationPhoto,
    ProgrammeItem,
)
from photos.admin import GalleryInline, GalleryUploadAdminMixin


class DelegationMemberInline(TranslationTabularInline):
    model = DelegationMember
    extra = 0
    autocomplete_fields = ("person",)


class ProgrammeItemInline(TranslationTabularInline):
    model = ProgrammeItem
    extra = 0
    autocomplete_fields = ("meeting",)


class DelegationDocumentInline(TranslationTabularInline):
    model = DelegationDocument
    extra = 0


class DelegationPhotoInline(GalleryInline):
    model = DelegationPhoto


@admin.register(Delegation)
class DelegationAdmin(GalleryUploadAdminMixin, PublishableAdmin):
    list_display = ("title", "direction", "start_date", "end_date", "country_list", "status")
    list_filter = ("status", "direction", "start_date")
    list_select_related = ("head",)
    date_hierarchy = "start_date"
    search_fields = ("title_en", "title_ru", "title_be", "purpose_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("head", "host_organisations")
    filter_horizontal = ("topics",)
    inlines = [
        DelegationMemberInline,
        ProgrammeItemInline,
        DelegationDocumentInline,
        DelegationPhotoInline,
    ]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "direction",
                    "countries",
                    ("start_date", "end_date"),
                    "head",
                    "host_organisations",
                    "topics",
                )
            },
        ),
        (_("Text"), {"fields": ("purpose", "summary", "outcomes", "source_url")}),
        GalleryUploadAdminMixin.upload_fieldset,
        PublishableAdmin.publishing_fieldset,
    )

    @admin.display(description=_("countries"))
    def country_list(self, delegation: Delegation) -> str:
        return ", ".join(country.name for country in delegation.countries)
