from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from commission.models import Membership, Organisation, Person, Topic


class PublishableAdmin(TranslationAdmin):
    """What every public content type shares in the admin."""

    list_filter = ("status",)
    readonly_fields = ("created_at", "updated_at")
    save_on_top = True

    publishing_fieldset = (
        _("Publishing"),
        {"fields": ("status", "published_at", "slug", "seo_description")},
    )


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_ru", "name_be", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ("name", "kind", "country", "parent")
    list_filter = ("kind", "country")
    list_select_related = ("parent",)
    search_fields = ("name_en", "name_ru", "name_be", "short_name_en", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ("name", "position", "organisation", "country")
    list_filter = ("country",)
    list_select_related = ("organisation",)
    search_fields = ("name_en", "name_ru", "name_be", "position_en", "slug")
    autocomplete_fields = ("organisation", "portrait")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("person", "role", "start_date", "end_date")
    list_filter = ("role",)
    list_select_related = ("person",)
    search_fields = ("person__name_en", "person__name_ru", "person__name_be")
    autocomplete_fields = ("person",)
