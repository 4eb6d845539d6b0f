from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin import CountryListFilter, PublishableAdmin, country_names
from core.admin_inlines import InlineAdminMixin
from delegations.models import (
    Delegation,
    DelegationDocument,
    DelegationMember,
    DelegationPhoto,
    ProgrammeItem,
)
from delegations.resources import DelegationResource
from photos.admin import GalleryInline, GalleryUploadAdminMixin


class DelegationMemberInline(InlineAdminMixin, TranslationTabularInline):
    model = DelegationMember
    extra = 0
    autocomplete_fields = ("person",)
    classes = ("sortable",)

    class Media:
        js = ("admin_extra/sortable_inline.js",)
        css = {"all": ("admin_extra/gallery_upload.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class ProgrammeItemInline(InlineAdminMixin, TranslationTabularInline):
    model = ProgrammeItem
    extra = 0
    autocomplete_fields = ("meeting",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("meeting")


class DelegationDocumentInline(InlineAdminMixin, TranslationTabularInline):
    model = DelegationDocument
    extra = 0


class DelegationPhotoInline(GalleryInline):
    model = DelegationPhoto


@admin.register(Delegation)
class DelegationAdmin(GalleryUploadAdminMixin, PublishableAdmin):
    resource_classes = [DelegationResource]
    list_display = (
        "title",
        "direction",
        "start_date",
        "end_date",
        "countries_column",
        "cover",
        "state",
        "translations",
    )
    list_filter = ("status", "direction", CountryListFilter, "is_sample")
    list_select_related = ("head",)
    date_hierarchy = "start_date"
    search_fields = ("title_en", "title_ru", "title_be", "purpose_en", "slug")
    autocomplete_fields = ("countries", "head", "host_organisations", "topics")
    inlines = [
        DelegationMemberInline,
        ProgrammeItemInline,
        DelegationDocumentInline,
        DelegationPhotoInline,
    ]
    main_fields = (
        "direction",
        "countries",
        ("start_date", "end_date"),
        "head",
        "host_organisations",
        "topics",
        "source_url",
    )
    translated_fields = ("title", "purpose", "summary", "outcomes")
    extra_fieldsets = (GalleryUploadAdminMixin.upload_fieldset,)

    @admin.display(description=_("countries"))
    def countries_column(self, delegation: Delegation) -> str:
        return country_names(delegation)
