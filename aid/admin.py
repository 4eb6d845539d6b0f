from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from aid.forms import AidProjectAdminForm
from aid.models import AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto
from aid.resources import AidProgrammeResource, AidProjectResource
from commission.models import Organisation
from core.admin import PublishableAdmin
from core.admin_inlines import InlineAdminMixin
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


class MilestoneInline(InlineAdminMixin, TranslationTabularInline):
    model = Milestone
    extra = 0


class ProjectDocumentInline(InlineAdminMixin, TranslationTabularInline):
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

    class Media:
        # Picking a programme fills an empty donor at once (programme_donor_view).
        js = ("admin/js/jquery.init.js", "admin_extra/programme_donor.js")

    def get_urls(self):
        return [
            path(
                "programme-donor/",
                self.admin_site.admin_view(self.programme_donor_view),
                name="aid_aidproject_programme_donor",
            ),
            *super().get_urls(),
        ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "programme" and formfield is not None:
            # Where the form's script asks for a programme's donor.
            formfield.widget.attrs["data-donor-url"] = reverse(
                "admin:aid_aidproject_programme_donor"
            )
        return formfield

    def programme_donor_view(self, request: HttpRequest) -> JsonResponse:
        """A programme's donor as the donor field's autocomplete shows it: ``{"id", "text"}``.

        Only a convenience for the form's script: the donor left empty is
        still taken from the programme when the form is saved
        (``aid.models.project_donor``, the one rule). Answers those who may see
        both programmes and organisations, as the autocompletes do.
        """
        programmes = self.admin_site.get_model_admin(AidProgramme)
        organisations = self.admin_site.get_model_admin(Organisation)
        if not (
            programmes.has_view_permission(request) and organisations.has_view_permission(request)
        ):
            raise PermissionDenied
        programme_id = request.GET.get("programme", "")
        if not programme_id.isdigit():
            raise Http404
        programme = get_object_or_404(
            programmes.get_queryset(request).select_related("donor"), pk=programme_id
        )
        return JsonResponse({"id": str(programme.donor_id), "text": str(programme.donor)})

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, project: AidProject) -> str:
        if project.amount is None:
            return "—"
        prefix = "≈ " if project.amount_is_approximate else ""
        return prefix + format_amount(project.amount, project.currency)
