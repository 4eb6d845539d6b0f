from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from aid.forms import AidProjectAdminForm
from aid.models import AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto
from aid.resources import AidProgrammeResource, AidProjectResource
from core.admin import PublishableAdmin
from core.money import MoneyField, format_amount
from photos.admin import GalleryInline, GalleryUploadAdminMixin

#: Every amount of money in the admin is typed in the admin's language (core.money).
MONEY_FIELDS = {models.DecimalField: {"form_class": MoneyField}}


@admin.register(AidProgramme)
class AidProgrammeAdmin(PublishableAdmin):
    formfield_overrides = MONEY_FIELDS
    resource_classes = [AidProgrammeResource]
    list_display = ("title", "donor", "start_year", "revived_year", "state", "translations")
    list_filter = ("status", "donor", "is_sample")
    list_select_related = ("donor",)
    search_fields = ("title_en", "title_ru", "title_be", "slug")
    autocomplete_fields = ("donor",)
    main_fields = ("donor", ("start_year", "revived_year"), "source_url")
    translated_fields = ("title", "description")
    extra_fieldsets = (
        (
            _("Reported total"),
            {
                "fields": (
                    ("reported_total", "reported_total_currency"),
                    "reported_total_is_approximate",
                )
            },
        ),
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
    form = AidProjectAdminForm
    formfield_overrides = MONEY_FIELDS
    resource_classes = [AidProjectResource]
    list_display = (
        "title",
        "donor",
        "region",
        "year",
        "amount_display",
        "project_status",
        "cover",
        "state",
        "translations",
    )
    list_filter = (
        "status",
        "project_status",
        "programme",
        "donor",
        "region",
        "sector",
        "year",
        "is_sample",
    )
    list_select_related = ("donor", "programme")
    search_fields = ("title_en", "title_ru", "title_be", "district_en", "slug")
    autocomplete_fields = ("programme", "donor", "recipient", "related_meetings")
    inlines = [MilestoneInline, ProjectDocumentInline, ProjectPhotoInline]
    main_fields = (
        "programme",
        "donor",
        "recipient",
        ("recipient_country", "region"),
        "sector",
        "year",
        "project_status",
        "related_meetings",
        "source_url",
    )
    translated_fields = ("title", "district", "summary", "body")
    extra_fieldsets = (
        (
            _("Money"),
            {
                "fields": (
                    ("amount", "currency", "amount_is_approximate"),
                    "amount_usd",
                    "confirm_unusual_amount",
                )
            },
        ),
        GalleryUploadAdminMixin.upload_fieldset,
    )

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, project: AidProject) -> str:
        if project.amount is None:
            return "—"
        prefix = "≈ " if project.amount_is_approximate else ""
        return prefix + format_amount(project.amount, project.currency)
