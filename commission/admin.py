from __future__ import annotations

from django.contrib import admin
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from commission.models import Country, Membership, Organisation, Person, Topic
from commission.public_use import in_public_use, is_in_public_use
from commission.resources import (
    MembershipResource,
    OrganisationResource,
    PersonResource,
    TopicResource,
)
from core.admin import CheapRowsMixin, ContentAdmin, CountryCodeFilter, country_column
from core.admin_inlines import InlineAdminMixin
from core.autocomplete import AutocompleteAdminMixin
from core.countries import choices as country_choices
from core.countries import matching_codes
from core.form_fields import KeptFormFieldsMixin
from core.history import GuardedHistoryAdmin
from core.resources import ADMIN_FORMATS
from core.roles import PUBLISH_SHARED


def may_change_public_use(user) -> bool:
    """Whether the user may change or delete shared records shown on published pages."""
    return user.has_perm(PUBLISH_SHARED)


class SharedObjectAdmin:
    """People, organisations, topics, memberships and photos: shared by published pages.

    They have no draft state, so changing one changes every page that shows it.
    Whoever holds the model's change (delete) permission changes (deletes) what
    is not in public use; what is in public use (``commission.public_use``)
    also needs ``commission.publish_shared``. The change form, the delete view,
    the bulk delete action, the history revert and the import all pass here; an
    object the user may not change is shown read-only with a note saying why.
    """

    #: A new object is public at once (a membership): adding it needs the
    #: permission as well.
    public_once_added = False

    def _may_touch(self, request, obj) -> bool:
        return obj is None or may_change_public_use(request.user) or not is_in_public_use(obj)

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and (
            not self.public_once_added or may_change_public_use(request.user)
        )

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._may_touch(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._may_touch(request, obj)

    def has_import_permission(self, request) -> bool:
        # An import may update any existing row, in public use or not. (Only the
        # admins with import/export have the parent method.)
        return super().has_import_permission(request) and may_change_public_use(request.user)

    def delete_queryset(self, request, queryset) -> None:
        # The bulk action already refuses when one object may not be deleted;
        # this keeps anything in public use even if it is called otherwise.
        if not may_change_public_use(request.user):
            queryset = queryset.exclude(pk__in=in_public_use(queryset.model).values("pk"))
        super().delete_queryset(request, queryset)

    def change_refused_reason(self, request, obj) -> str | None:
        if not self._may_touch(request, obj):
            return _(
                "This item is shown on published pages: only a publisher can change or delete it."
            )
        return None


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    """The countries' table, for the autocomplete boxes only: fixed, not listed in the index.

    Names are not stored: a search matches the code or the name in the admin's
    language (and in English), looked up in django-countries' list of ~250.
    """

    search_fields = ("code",)
    ordering = ("code",)

    def get_model_perms(self, request):
        return {"add": False, "change": False, "delete": False, "view": False}

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_search_results(self, request, queryset, search_term):
        """Matching countries in the alphabetical order of their names in the admin's language."""
        term = " ".join(search_term.split()).casefold()
        codes = matching_codes(term) if term else queryset.values_list("code", flat=True)
        ordered = [code for code, _name in country_choices(codes)]
        if not ordered:
            return queryset.none(), False
        position = Case(*(When(code=code, then=Value(i)) for i, code in enumerate(ordered)))
        return queryset.filter(code__in=ordered).order_by(position), False


@admin.register(Topic)
class TopicAdmin(SharedObjectAdmin, ContentAdmin):
    resource_classes = [TopicResource]
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_ru", "name_be", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Organisation)
class OrganisationAdmin(SharedObjectAdmin, ContentAdmin):
    resource_classes = [OrganisationResource]
    list_display = ("name", "kind", country_column, "parent")
    list_filter = ("kind", CountryCodeFilter)
    list_select_related = ("parent",)
    search_fields = ("name_en", "name_ru", "name_be", "short_name_en", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}


class MembershipInline(InlineAdminMixin, admin.TabularInline):
    """A person's memberships. Every membership is in public use (the members
    page), so changing them here needs ``commission.publish_shared`` as well."""

    model = Membership
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and may_change_public_use(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and may_change_public_use(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and may_change_public_use(request.user)


@admin.register(Person)
class PersonAdmin(SharedObjectAdmin, ContentAdmin):
    resource_classes = [PersonResource]
    list_display = ("name", "position", "organisation", country_column)
    list_filter = (CountryCodeFilter,)
    list_select_related = ("organisation",)
    search_fields = ("name_en", "name_ru", "name_be", "position_en", "slug")
    autocomplete_fields = ("organisation", "portrait")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(
    KeptFormFieldsMixin,
    AutocompleteAdminMixin,
    CheapRowsMixin,
    SharedObjectAdmin,
    ImportExportMixin,
    GuardedHistoryAdmin,
):
    public_once_added = True
    resource_classes = [MembershipResource]
    formats = ADMIN_FORMATS
    list_display = ("person", "role", "start_date", "end_date")
    list_filter = ("role",)
    list_select_related = ("person",)
    search_fields = ("person__name_en", "person__name_ru", "person__name_be")
    autocomplete_fields = ("person",)
