"""What needs the secretariat's attention, for the admin's front page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from aid.models import AidProgramme, AidProject
from core.publishing import PublicationStatus
from core.translations import missing_translation_q
from delegations.models import Delegation
from meetings.models import Meeting
from photos.models import Photo

CONTENT_MODELS = [Meeting, Delegation, AidProgramme, AidProject]


@dataclass(frozen=True)
class Item:
    label: str
    count: int
    url: str


def _changelist(model, **params) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def attention_items(user) -> list[tuple[str, list[Item]]]:
    """Sections of (label, count, link) rows, for the models the user may view."""
    now = timezone.now()
    drafts, scheduled, untranslated = [], [], []
    for model in CONTENT_MODELS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        name = opts.verbose_name_plural
        drafts.append(
            Item(
                name,
                model.objects.drafts().count(),
                _changelist(model, status__exact=PublicationStatus.DRAFT),
            )
        )
        scheduled.append(
            Item(
                name,
                model.objects.scheduled(now).count(),
                _changelist(model, status__exact=PublicationStatus.SCHEDULED),
            )
        )
        untranslated.append(
            Item(
                name,
                model.objects.filter(missing_translation_q()).count(),
                _changelist(model, translations="missing"),
            )
        )
    sections = [
        (_("Drafts"), drafts),
        (_("Scheduled"), scheduled),
        (_("Missing translations (Russian or Belarusian title)"), untranslated),
    ]
    if user.has_perm("photos.view_photo"):
        photos = [
            Item(
                label,
                Photo.objects.filter(status=status).count(),
                _changelist(Photo, status__exact=status),
            )
            for status, label in (
                (Photo.Status.PENDING, _("waiting")),
                (Photo.Status.PROCESSING, _("processing")),
                (Photo.Status.FAILED, _("failed")),
            )
        ]
        sections.append((_("Photos"), photos))
    return sections
