from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from aid.models import AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto
from commission.admin import PublishableAdmin
from photos.admin import GalleryInline, GalleryUploadAdminMixin


@admin.register(AidProgramme)
class AidProgrammeAdmin(PublishableAdmin):
    list_display = ("title", "donor", "start_year", "revived_year", "status")
    list_filter = ("status", "donor")
    list_select_related = ("donor",)
    search_fields = ("title_en", "title_ru", "title_be", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("donor",)
    fieldsets = (
        (None, {"fields": ("title", "donor", ("start_year", "revived_year"), "description")}),
        (
            _("Reported total"),
            {
                "fields": (
                    ("reported_total", "reported_total_currency"),
                    "reported_total_is_approximate",
                    "source_url",
                )
            },
        ),
        PublishableAdmin.publishing_fieldset,
    )


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0


class ProjectDocumentInline(TranslationTabularInline):
    model = ProjectDocument
    extra = 0


class ProjectPhotoInline(GalleryInline):
    model = ProjectPhoto


@admin.register(AidProject)
class AidProjectAdmin(GalleryUploadAdminMixin, PublishableAdmin):
    list_display = (
        "title",
        "donor",
        "region",
        "year",
        "amount_display",
        "project_status",
        "status",
    )
    list_filter = ("status", "project_status", "programme", "region", "sector", "year")
    list_select_related = ("donor", "programme")
    search_fields = ("title_en", "title_ru", "title_be", "district_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    autocomplete_fields = ("programme", "donor", "recipient", "related_meetings")
    inlines = [MilestoneInline, ProjectDocumentInline, ProjectPhotoInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "programme",
                    "donor",
                    "recipient",
                    ("recipient_country", "region", "district"),
                    "sector",
                    "year",
                    "project_status",
                )
            },
        ),
        (
            _("Money"),
            {"fields": (("amount", "currency", "amount_is_approximate"), "amount_usd")},
        ),
        (_("Text"), {"fields": ("summary", "body", "related_meetings", "source_url")}),
        GalleryUploadAdminMixin.upload_fieldset,
        PublishableAdmin.publishing_fieldset,
    )

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, project: AidProject) -> str:
        if project.amount is None:
            return "—"
        prefix = "≈ " if project.amount_is_approximate else ""
        return f"{prefix}{project.amount:,.2f} {project.currency}"
