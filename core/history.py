"""Change history of every content model (django-simple-history).

History is registered in each app's ``translation.py``, after the model's
translations, so that the historical tables get the per-language columns too.
Every model admin with history uses ``GuardedHistoryAdmin``, whose revert is an
ordinary change of the current object.
"""

from __future__ import annotations

import simple_history
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.signals import pre_create_historical_record

from core.countries import has_countries


class HistoryAuthor(models.Model):
    """Keeps the author's name in each record, so history outlives staff accounts."""

    history_user_name = models.CharField(_("changed by"), max_length=150, blank=True)

    class Meta:
        abstract = True


class HistoricalCountryCodes(models.Model):
    """The item's countries (ISO codes, comma-separated) in each historical record.

    Countries are a many-to-many relation, which django-simple-history does not
    record; this column keeps them in the history as they were stored before
    the relation existed, so no record loses them.
    """

    countries = models.CharField(_("countries"), max_length=746, blank=True)

    class Meta:
        abstract = True


def _country_codes(instance) -> str:
    return ",".join(instance.countries.order_by("code").values_list("code", flat=True))


def track_history(*tracked: type[models.Model]) -> None:
    from core.search_vectors import deferred_vector_fields

    for model in tracked:
        # Stored search vectors are derived from the text: not history.
        excluded = list(deferred_vector_fields(model))
        if has_countries(model):
            simple_history.register(
                model,
                bases=[HistoryAuthor, HistoricalCountryCodes],
                excluded_fields=excluded,
            )
            m2m_changed.connect(
                _countries_changed,
                sender=model.countries.through,
                dispatch_uid=f"commission.history_countries.{model._meta.label}",
            )
        else:
            simple_history.register(model, bases=[HistoryAuthor], excluded_fields=excluded)


def _countries_changed(sender, instance, action, reverse, **kwargs) -> None:
    """The latest historical record gets the countries set after the item was saved."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    latest = instance.history.order_by("-history_id").first()
    if latest is not None:
        codes = _country_codes(instance)
        if latest.countries != codes:
            type(latest).objects.filter(pk=latest.pk).update(countries=codes)


@receiver(pre_create_historical_record, dispatch_uid="commission.history_countries")
def remember_countries(sender, instance, history_instance, **kwargs) -> None:
    if isinstance(history_instance, HistoricalCountryCodes) and instance.pk:
        history_instance.countries = _country_codes(instance)


@receiver(pre_create_historical_record, dispatch_uid="commission.history_author")
def remember_author_name(sender, history_instance, history_user=None, **kwargs) -> None:
    # The user foreign key is set to NULL when an account is deleted; the name stays.
    if history_user is not None:
        history_instance.history_user_name = history_user.get_username()


class GuardedHistoryAdmin(SimpleHistoryAdmin):
    """History whose revert obeys the same rules as the change form.

    django-simple-history checks a revert against the *old* version (a draft,
    say, of what is now published) and accepts the POST from anyone who may
    merely view. Here a revert is a change of the current object: the same
    ``has_change_permission(request, current)``, the same form for that user
    bound to the current object (read-only fields and fields outside the form
    keep their current values; a file field left empty keeps the current file,
    which the old version's may no longer be), the same ``save_model`` and
    ``save_related`` (so an editor's save stays a draft). The old version only
    fills the form in.

    Restoring a deleted object is not offered: it is re-created instead.
    """

    def change_refused_reason(self, request, obj) -> str | None:
        """Why ``obj`` is read-only for this user, shown on its page; subclasses say it."""
        return None

    def _current(self, request, object_id) -> models.Model | None:
        return self.get_object(request, unquote(str(object_id)))

    def has_change_history_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_change_history_permission(request, obj)
        # ``obj`` may be an old version: the permission is the current object's.
        current = self._current(request, obj.pk)
        return current is not None and self.has_change_permission(request, current)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self._explain_read_only(request, self._current(request, object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def _explain_read_only(self, request, current) -> None:
        """A note on the page saying why the user may look but not change."""
        if current is None or self.has_change_permission(request, current):
            return
        reason = self.change_refused_reason(request, current)
        if reason:
            messages.info(request, reason)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self._current(request, object_id)
        if request.method != "POST":
            self._explain_read_only(request, current)
            return super().history_form_view(request, object_id, version_id, extra_context)

        history_model = self.model._meta.simple_history_manager_attribute
        get_object_or_404(
            getattr(self.model, history_model).model,
            **{self.model._meta.pk.attname: unquote(object_id), "history_id": version_id},
        )
        if current is None:
            messages.error(
                request, _("This item no longer exists; a deleted item cannot be reverted.")
            )
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            )
        if not self.has_change_permission(request, current):
            raise PermissionDenied

        form_class = self.get_form(request, current, change=True)
        form = form_class(request.POST, request.FILES, instance=current)
        if form.is_valid():
            with transaction.atomic():
                obj = self.save_form(request, form, change=True)
                self.save_model(request, obj, form, change=True)
                self.save_related(request, form, [], change=True)
                self.log_change(request, obj, self.construct_change_message(request, form, []))
            return self.response_change(request, obj)
        return self._render_invalid_revert(request, object_id, current, form, extra_context)

    def _admin_url(self, request, view: str, *args) -> str:
        opts = self.model._meta
        name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{view}"
        return reverse(name, args=args)

    def _render_invalid_revert(self, request, object_id, current, form, extra_context):
        """The revert page again, with the errors of the posted form."""
        opts = self.model._meta
        admin_form = helpers.AdminForm(
            form,
            self.get_fieldsets(request, current),
            self.get_prepopulated_fields(request, current),
            self.get_readonly_fields(request, current),
            model_admin=self,
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revert %s") % current,
            "adminform": admin_form,
            "object_id": object_id,
            "original": current,
            "is_popup": False,
            "media": self.media + admin_form.media,
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": self._admin_url(request, "changelist"),
            "change_url": self._admin_url(request, "change", current.pk),
            "history_url": self._admin_url(request, "history", current.pk),
            "change_history": False,
            "revert_disabled": False,
            "add": False,
            "change": True,
            "has_add_permission": self.has_add_permission(request),
            "has_view_permission": True,
            "has_change_permission": True,
            "has_delete_permission": self.has_delete_permission(request, current),
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": opts,
            "save_as": self.save_as,
            "save_on_top": self.save_on_top,
            **(extra_context or {}),
        }
        return self.render_history_view(request, self.object_history_form_template, context)
