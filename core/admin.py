"""The admin base of every content type: history, import/export, translations, publishing."""

from __future__ import annotations

from functools import cached_property, lru_cache

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.filters import FieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_countries.fields import CountryField
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin

from core import services
from core.admin_inlines import InlineAdminFormSet
from core.autocomplete import AutocompleteAdminMixin
from core.content_cache import cached, query_key
from core.countries import (
    CountrySelect,
    codes_by_item,
    countries_prefetch,
    has_countries,
    name_of,
    names_of,
)
from core.countries import choices as country_choices
from core.form_fields import KeptFormFieldsMixin
from core.history import GuardedHistoryAdmin
from core.preview import preview_url
from core.publishing import (
    PUBLISHER_ACTIONS,
    PublicationStatus,
    PublishingAction,
    action_refusal,
    may_publish,
    parse_action,
    public_now,
    resolve_state,
)
from core.resources import ADMIN_FORMATS
from core.richtext import show_rich_text_formatted
from core.templatetags.admin_rows import KeptRows
from core.translations import (
    LANGUAGE_NAMES,
    PARTIAL,
    STATE_LABELS,
    STATE_SYMBOLS,
    TRANSLATED_LANGUAGES,
    column,
    columns,
    completeness_by_language,
    completeness_of_many,
    incomplete_q,
    part_relations,
)


def thumbnail_html(photo, width: int = 96):
    """A small preview for admin lists; the state when there is nothing to show."""
    if photo is None:
        return "—"
    variant = photo.smallest_variant("webp") or photo.smallest_variant("jpeg")
    if not variant:
        return photo.get_status_display()
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy">',
        default_storage.url(variant["name"]),
        width,
        round(variant["height"] * width / variant["width"]),
        photo.alt_text,
    )


class CheapRowsMixin:
    """Changelist rows without a template render per row.

    Django renders each row's selection box through the form renderer (a
    template per row: a quarter of a 100-row page); this writes the same markup
    directly.
    """

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj):
        # format_html's escaping, written out: a list calls this for every row.
        label = gettext("Select this object for an action - {}").format(escape(str(obj)))
        return mark_safe(
            f'<input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}" value="{escape(obj.pk)}"'
            f' class="action-select" aria-label="{label}">'
        )


class KeptPaginator(Paginator):
    """Django's paginator of a content list; the count of its rows and the ids of
    each page kept until the content changes, per list as filtered, searched and
    sorted (keyed by its SQL and parameters). A search or a filter that reads
    every row (a word in every title) runs once per change, not on every page."""

    @cached_property
    def _key(self) -> str:
        return query_key(self.object_list)

    @cached_property
    def count(self) -> int:
        return cached(f"admin-count:{self._key}", lambda: Paginator.count.func(self))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        ids = cached(
            f"admin-page:{self._key}:{bottom}:{top}",
            lambda: list(rows[bottom:top].values_list("pk", flat=True)),
        )
        # The same rows in the same order (the list's own), read by their ids.
        return self._get_page(rows.filter(pk__in=ids), number, self)


class ContentAdmin(
    KeptFormFieldsMixin,
    AutocompleteAdminMixin,
    CheapRowsMixin,
    ImportExportMixin,
    GuardedHistoryAdmin,
    TranslationAdmin,
):
    """Every content type: history with revert, import/export, translations.

    Lists do constant work per row at any size: no count of every row when a
    filter or search is on (``show_full_result_count``), what the columns show
    read for the whole page at once (``read_page``), and every large relation chosen through
    an autocomplete box rather than a list of every row.
    """

    formats = ADMIN_FORMATS
    save_on_top = True
    show_full_result_count = False
    paginator = KeptPaginator

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if not isinstance(db_field, CountryField) or "widget" in kwargs:
            return super().formfield_for_choice_field(db_field, request, **kwargs)
        # django-countries' select, its markup kept (its choices named: the field's).
        formfield = super().formfield_for_choice_field(
            db_field, request, widget=CountrySelect, **kwargs
        )
        formfield.widget.choices_source = getattr(formfield.widget.choices, "func", None)
        return formfield

    def get_queryset(self, request):
        # For a change form and an export; a list page reads its rows' countries
        # as plain rows instead (read_page).
        queryset = super().get_queryset(request)
        if has_countries(self.model):
            queryset = queryset.prefetch_related(countries_prefetch(self.model))
        return queryset

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        # A list page's rows without the prefetches: a prefetch builds a queryset
        # per row and relation; read_page reads the same in one plain query each.
        return super().get_paginator(
            request, queryset.prefetch_related(None), per_page, *args, **kwargs
        )

    #: Whether the list's rows are kept in the cache under what each shows
    #: (``KeptRows``): only for lists whose columns show nothing but the item's
    #: row, the rows joined to it, the relations of ``row_relations`` and
    #: ``row_state``; an edit by any path changes the key of the rows it shows in.
    keep_rows = False

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        columns = changelist.list_display
        if self.keep_rows and not changelist.list_editable:
            # The rows kept are not read; the others whole (KeptRows sets result_list).
            changelist.kept_rows = KeptRows(
                changelist, self.row_relations(columns), self.row_state_fields, self.row_state
            )
            items = changelist.kept_rows.missing
        else:
            # Read once here; the page then iterates the same rows (the queryset keeps them).
            items = list(changelist.result_list)
        if items:
            self.read_page(items, columns)
        return changelist

    def get_list_filter(self, request):
        # A filter choosing among the database's rows or values reads them once per
        # change of content (every project model's save moves its version).
        return [kept_filter(self.model, entry) for entry in super().get_list_filter(request)]

    def row_relations(self, columns) -> tuple[str, ...]:
        """The relations whose rows the list's ``columns`` show of an item (read in
        one query for the rows' keys, as the public cards' ``card_relations``)."""
        return ("countries",) if has_countries(self.model) else ()

    #: The item's fields ``row_state`` is given the values of.
    row_state_fields: tuple[str, ...] = ()

    def row_state(self, values: dict) -> tuple:
        """What an item's row shows beyond its rows and relations (part of its key),
        from the values of its ``row_state_fields``."""
        return ()

    def read_page(self, items: list, columns) -> None:
        """Read what the list's ``columns`` show of the page's ``items`` at once.

        Each reading is one query for the whole page, its result set on each
        item (a list of 100 rows would otherwise run or build a query per row
        and relation). Subclasses and mixins add theirs and call ``super()``.
        """
        if has_countries(self.model):
            codes = codes_by_item(self.model, [item.pk for item in items])
            for item in items:
                item.country_codes = codes.get(item.pk, [])

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            # Django's, its media read once (it adds no state of its own).
            inline_formset.__class__ = InlineAdminFormSet
        return inline_formsets

    def get_object(self, request, object_id, from_field=None):
        # A page that only reads (GET) asks for its object several times (the
        # change view, the history guard, the read-only note): fetched once.
        reading = request.method in ("GET", "HEAD")
        key = (self.model._meta.label, str(object_id), from_field)
        fetched = request.__dict__.setdefault("_admin_objects", {}) if reading else {}
        if key in fetched:
            return fetched[key]
        obj = self._read_object(request, object_id, from_field)
        if obj is not None and not self.has_change_permission(request, obj):
            # Shown read-only: the rich text as formatted text, not as its HTML source.
            show_rich_text_formatted(obj)
        fetched[key] = obj
        return obj

    def _read_object(self, request, object_id, from_field=None):
        """Django's ``ModelAdmin.get_object``, the objects the form's autocomplete boxes
        show of the item's own relations read with it (``select_related``): the boxes
        then write them without a query each (``core.autocomplete``)."""
        queryset = self.get_queryset(request)
        model = queryset.model
        shown = [
            name
            for name in self.get_autocomplete_fields(request)
            if model._meta.get_field(name).many_to_one
        ]
        if shown:
            queryset = queryset.select_related(*shown)
        field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
        try:
            object_id = field.to_python(object_id)
            return queryset.get(**{field.name: object_id})
        except (model.DoesNotExist, ValidationError, ValueError):
            return None


def language_heading(name: str, state) -> str:
    """A language's fieldset heading, saying how completely the item reads in it."""
    if state is None or state.complete:
        return name
    if state.translated == 0:
        return _("%(language)s — not translated") % {"language": name}
    return _("%(language)s — incomplete, shown in English: %(parts)s") % {
        "language": name,
        "parts": ", ".join(state.gap_names()),
    }


def language_fieldsets(fields: tuple[str, ...], obj=None) -> list[tuple]:
    """One fieldset per language; its heading says what is not yet translated in it."""
    fieldsets = []
    states = {}
    if obj is not None and obj.pk:
        # Read once per object (the admin asks for the fieldsets more than once
        # a page), the rows shown with it as plain rows for every language at once.
        if "translation_states" not in obj.__dict__:
            obj.translation_states = completeness_of_many([obj])[obj.pk]
        states = obj.translation_states
    for code, name in LANGUAGE_NAMES.items():
        state = states.get(code) if code in TRANSLATED_LANGUAGES else None
        fieldsets.append(
            (
                language_heading(name, state),
                {
                    "fields": [column(field, code) for field in fields],
                    "classes": ("language", f"language-{code}"),
                },
            )
        )
    return fieldsets


def opts_name(obj) -> str:
    return f"{obj._meta.app_label}_{obj._meta.model_name}"


class TranslationStateFilter(admin.SimpleListFilter):
    """Items with any translated field (their own or their rows') falling back to English."""

    title = _("translations")
    parameter_name = "translations"

    def lookups(self, request, model_admin):
        return [
            ("incomplete", _("Translation incomplete")),
            *(
                (f"incomplete_{code}", _("%(language)s incomplete") % {"language": name})
                for code, name in settings.LANGUAGES
                if code in TRANSLATED_LANGUAGES
            ),
        ]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if value == "incomplete":
            return queryset.filter(incomplete_q(queryset.model))
        language = value.removeprefix("incomplete_")
        if value.startswith("incomplete_") and language in TRANSLATED_LANGUAGES:
            return queryset.filter(incomplete_q(queryset.model, [language]))
        return queryset


class PublishableAdmin(ContentAdmin):
    """Drafts, publication and scheduling, with the publish permission enforced here.

    Editors (no publish permission) create and change drafts only: the state
    and publication time are read-only for them, they cannot change or delete
    anything that is published or scheduled, and the publish actions are not
    theirs to run. All of this is checked on the server, not only hidden.
    """

    list_filter = ("status",)
    readonly_fields = ("state", "created_at", "updated_at")
    actions = ["publish_selected", "unpublish_selected"]
    #: Translated fields, shown one fieldset per language.
    translated_fields: tuple[str, ...] = ("title",)
    #: Untranslated fields of the main fieldset.
    main_fields: tuple = ()
    extra_fieldsets: tuple = ()

    # --- permissions -------------------------------------------------------

    def has_publish_permission(self, request) -> bool:
        return may_publish(request.user, self.model)

    def _editor_may_touch(self, request, obj) -> bool:
        return (
            obj is None
            or obj.status == PublicationStatus.DRAFT
            or self.has_publish_permission(request)
        )

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self._editor_may_touch(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self._editor_may_touch(request, obj)

    def change_refused_reason(self, request, obj) -> str | None:
        if not self._editor_may_touch(request, obj):
            return _(
                "This item is published or scheduled: only a publisher can change it. "
                "Ask a publisher to unpublish it if it needs a change."
            )
        return None

    def has_import_permission(self, request) -> bool:
        # An import can create published items: it is the publisher's.
        return super().has_import_permission(request) and self.has_publish_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ["status", "published_at"]
        return fields

    change_form_template = "admin/publishable_change_form.html"

    class Media:
        js = ("admin_extra/language_tabs.js",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        """The form, checking the button pressed (``_action``) by the one publishing rule.

        A publisher's state field is hidden (the buttons set it); an action the
        user may not take is a form error, so nothing is saved and nothing typed
        is lost.
        """
        may = self.has_publish_permission(request)
        if may:
            kwargs.setdefault("widgets", {})["status"] = forms.HiddenInput
        base = super().get_form(request, obj, change=change, **kwargs)
        action = parse_action(request.POST.get("_action")) if request.method == "POST" else None
        user, model = request.user, self.model
        was_public = bool(obj is not None and obj.is_public)

        class PublishingForm(base):
            publishing_action = action

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "status" in self.fields:
                    # Hidden: when it is not posted, the item keeps its state.
                    self.fields["status"].required = False

            def clean(self):
                cleaned = super().clean()
                if "status" in self.fields and not cleaned.get("status"):
                    cleaned["status"] = self.instance.status or PublicationStatus.DRAFT
                if action is None:
                    return cleaned
                refusal = action_refusal(user, model, action)
                if refusal:
                    raise ValidationError(refusal, code="publishing_refused")
                if action in PUBLISHER_ACTIONS or action == PublishingAction.DRAFT:
                    if "status" not in self.fields:
                        return cleaned  # an editor's save: save_model keeps it a draft
                    try:
                        status, when = resolve_state(
                            action,
                            status=cleaned.get("status"),
                            published_at=cleaned.get("published_at"),
                            was_public=was_public,
                        )
                    except ValidationError as error:
                        self.add_error(None, error)
                        return cleaned
                    cleaned["status"], cleaned["published_at"] = status, when
                return cleaned

        PublishingForm.__name__ = base.__name__
        return PublishingForm

    def save_model(self, request, obj, form, change) -> None:
        if not self.has_publish_permission(request):
            # Whatever was posted, an editor's save leaves the item a draft.
            obj.status = PublicationStatus.DRAFT
            if not change:
                obj.published_at = None
        super().save_model(request, obj, form, change)

    def delete_queryset(self, request, queryset) -> None:
        if not self.has_publish_permission(request):
            queryset = queryset.filter(status=PublicationStatus.DRAFT)
        super().delete_queryset(request, queryset)

    # --- the buttons -------------------------------------------------------

    def publishing_buttons(self, request, obj) -> list[dict]:
        """The form's buttons for this user and this item's state, main one first."""
        if obj is not None and not self.has_change_permission(request, obj):
            return []
        may = self.has_publish_permission(request)
        status = obj.status if obj is not None else PublicationStatus.DRAFT
        public = bool(obj is not None and obj.is_public)
        buttons = []

        def add(action, label, style=""):
            buttons.append({"action": action, "label": label, "style": style})

        if status == PublicationStatus.DRAFT:
            add(PublishingAction.DRAFT, _("Save draft"), "default" if not may else "")
            add(PublishingAction.PREVIEW, _("Save and preview"))
            if may:
                add(PublishingAction.PUBLISH, _("Publish"), "default")
                add(PublishingAction.SCHEDULE, _("Schedule for the publication time"))
        elif status == PublicationStatus.SCHEDULED and not public:
            add(PublishingAction.SAVE, _("Save (stays scheduled)"), "default")
            add(PublishingAction.PREVIEW, _("Save and preview"))
            add(PublishingAction.PUBLISH, _("Publish now"))
            add(PublishingAction.UNPUBLISH, _("Back to draft"))
        else:
            add(PublishingAction.SAVE, _("Save (stays published)"), "default")
            add(PublishingAction.UNPUBLISH, _("Unpublish (back to draft)"))
        return buttons

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "publishing_buttons": self.publishing_buttons(request, obj),
            "may_publish": self.has_publish_permission(request),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _after_save(self, request, obj, response):
        action = parse_action(request.POST.get("_action"))
        if "_action" not in request.POST or "_popup" in request.POST:
            return response
        if action == PublishingAction.PREVIEW:
            return redirect(preview_url(obj))
        if action in (PublishingAction.DRAFT, PublishingAction.SAVE):
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
            )
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._after_save(request, obj, super().response_change(request, obj))

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name=f"{opts.app_label}_{opts.model_name}_publish",
            ),
            *super().get_urls(),
        ]

    @method_decorator(require_POST)
    def publish_view(self, request, object_id):
        """Publish one item now (the preview banner's button): the publisher's only."""
        obj = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_publish_permission(request) or not self.has_change_permission(request, obj):
            raise PermissionDenied
        services.publish(obj=obj)
        self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
        self.message_user(
            request,
            _("“%(item)s” is published.") % {"item": obj},
            messages.SUCCESS,
        )
        return redirect(reverse(f"admin:{opts_name(obj)}_change", args=[obj.pk]))

    # --- form layout -------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        # The title first: the languages (as tabs with script), then the rest.
        return [
            *language_fieldsets(self.translated_fields, obj),
            (None, {"fields": self.main_fields}),
            *self.extra_fieldsets,
            (
                _("Publishing"),
                {
                    "fields": (
                        "state",
                        *(("status",) if self.has_publish_permission(request) else ()),
                        "published_at",
                        "slug",
                        *self._seo_fields(),
                    )
                },
            ),
        ]

    def _seo_fields(self) -> list[str]:
        return columns("seo_description")

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title_en",)}

    # --- actions -----------------------------------------------------------

    @admin.action(description=_("Publish the selected items now"), permissions=["publish"])
    def publish_selected(self, request, queryset) -> None:
        count = services.publish_many(objects=queryset)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish the selected items (back to draft)"), permissions=["publish"]
    )
    def unpublish_selected(self, request, queryset) -> None:
        count = services.unpublish_many(objects=queryset)
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    # --- columns -----------------------------------------------------------

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj) -> str:
        if obj.status == PublicationStatus.SCHEDULED and obj.published_at:
            when = timezone.localtime(obj.published_at).strftime("%Y-%m-%d %H:%M")
            if obj.is_public:
                return _("Published (scheduled %(when)s)") % {"when": when}
            return _("Scheduled for %(when)s") % {"when": when}
        return _status_label(get_language(), obj.status)

    @admin.display(description=_("translations"))
    def translations(self, obj):
        """RU/BE with ✓ (complete), ◐ (partly) or ✗ (not translated), with words for each."""
        states = getattr(obj, "translation_states", None) or completeness_by_language(obj)
        language = get_language()
        return mark_safe(
            " ".join(
                _state_badge(
                    language,
                    code,
                    state.state,
                    tuple(state.gap_names()) if state.state == PARTIAL else (),
                )
                for code, state in states.items()
            )
        )

    def view_on_site(self, obj):
        if obj.is_public:
            return obj.get_absolute_url()
        return preview_url(obj)

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStateFilter]

    keep_rows = True

    def row_relations(self, columns) -> tuple[str, ...]:
        parts = part_relations(self.model) if "translations" in columns else ()
        return tuple(dict.fromkeys((*super().row_relations(columns), *parts)))

    row_state_fields = ("status", "published_at")

    def row_state(self, values: dict) -> tuple:
        # A scheduled item's state reads "published" once its time has come.
        return (
            *super().row_state(values),
            public_now(values["status"], values["published_at"]),
        )

    def read_page(self, items: list, columns) -> None:
        """Each row's translation states, the rows shown with each item read for the
        whole page as plain rows (core.translations)."""
        super().read_page(items, columns)
        if "translations" in columns:
            states = completeness_of_many(items)
            for obj in items:
                obj.translation_states = states[obj.pk]


@lru_cache(maxsize=64)
def _status_label(language: str, status: str) -> str:
    """A publication state's name in ``language`` (get_status_display, remembered:
    Django's builds a dictionary of every choice's translated name per call)."""
    return str(dict(PublicationStatus.choices).get(status, status))


@lru_cache(maxsize=1024)
def _state_badge(language: str, code: str, state: str, gaps: tuple[str, ...]) -> str:
    """A language's translation state in a list row: the same few for most rows,
    written once each (``language`` is the one they are written in)."""
    label = str(STATE_LABELS[state])
    tooltip = "{}: {}".format(_("Shown in English"), ", ".join(gaps)) if gaps else label
    return format_html(
        '<span class="translation-state translation-{}" title="{}">{} '
        '<span aria-hidden="true">{}</span><span class="visually-hidden">{}</span></span>',
        state,
        tooltip,
        code.upper(),
        STATE_SYMBOLS[state],
        label,
    )


class CountryListFilter(admin.SimpleListFilter):
    """Filter by one of the several countries an item concerns."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Kept until the content changes (core.content_cache): not a scan per page.
        model = model_admin.model
        return cached(
            f"admin-countries:{model._meta.label}",
            lambda: country_choices(model.objects.present_countries()),
            per_language=True,
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.for_country(self.value())
        return queryset


class KeptRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """Django's filter by a related row; the rows to choose from kept until the
    content changes (core.content_cache), not read on every list page."""

    def field_choices(self, field, request, model_admin):
        read = super().field_choices
        ordering = self.field_admin_ordering(field, request, model_admin)
        return cached(
            f"admin-filter:{model_admin.model._meta.label}:{self.field_path}:{ordering}",
            lambda: read(field, request, model_admin),
            per_language=True,
        )


class KeptAllValuesFieldListFilter(admin.AllValuesFieldListFilter):
    """Django's filter by each value of a column; the values kept until the
    content changes (core.content_cache), not found by a scan on every list page."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        values = self.lookup_choices
        self.lookup_choices = cached(
            f"admin-filter-values:{model._meta.label}:{field_path}", lambda: list(values)
        )


_KEPT_FILTERS = {
    admin.RelatedFieldListFilter: KeptRelatedFieldListFilter,
    admin.AllValuesFieldListFilter: KeptAllValuesFieldListFilter,
}


def kept_filter(model, entry):
    """A ``list_filter`` entry, with the kept version of the filter Django would
    choose for a field named alone (the same choices and markup)."""
    if not isinstance(entry, str):
        return entry
    field = get_fields_from_path(model, entry)[-1]
    for test, filter_class in FieldListFilter._field_list_filters:
        if test(field):
            kept = _KEPT_FILTERS.get(filter_class)
            return (entry, kept) if kept else entry
    return entry


def country_names(obj) -> str:
    return names_of(obj)


class CountryCodeFilter(admin.SimpleListFilter):
    """One country of a single country field, among those present (not all ~250)."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Kept until the content changes (core.content_cache): not a scan per page.
        model = model_admin.model

        def present():
            codes = model.objects.exclude(country="").order_by().values_list("country")
            return country_choices(code for (code,) in codes.distinct())

        return cached(f"admin-country:{model._meta.label}", present, per_language=True)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


@admin.display(description=_("country"), ordering="country")
def country_column(obj) -> str:
    return name_of(obj.country.code) if obj.country else ""
