"""What needs the secretariat's attention, for the admin's front page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.content_cache import cached
from core.kinds import kinds
from core.publishing import PublicationStatus
from core.translations import incomplete_q
from photos.models import Photo


@dataclass(frozen=True)
class Item:
    label: str
    count: int
    url: str


def _changelist(model, **params) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _counts() -> dict:
    """Each kind's drafts, scheduled items and incompletely translated items, and
    the photos in each state: counted over every row, so kept until the content
    changes (core.content_cache; a scheduled item's time coming ends it too)."""
    now = timezone.now()
    counts = {
        kind.model._meta.label: (
            kind.model.objects.drafts().count(),
            kind.model.objects.scheduled(now).count(),
            kind.model.objects.filter(incomplete_q(kind.model)).count(),
        )
        for kind in kinds()
    }
    for status in Photo.Status:
        counts[f"photos:{status}"] = Photo.objects.filter(status=status).count()
    return counts


def attention_items(user) -> list[tuple[str, list[Item]]]:
    """Sections of (label, count, link) rows, for the models the user may view."""
    counts = cached("desk-counts", _counts)
    drafts, scheduled, untranslated = [], [], []
    for kind in kinds():
        model = kind.model
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        name = opts.verbose_name_plural
        draft_count, scheduled_count, untranslated_count = counts[opts.label]
        drafts.append(
            Item(name, draft_count, _changelist(model, status__exact=PublicationStatus.DRAFT))
        )
        scheduled.append(
            Item(
                name,
                scheduled_count,
                _changelist(model, status__exact=PublicationStatus.SCHEDULED),
            )
        )
        untranslated.append(
            Item(name, untranslated_count, _changelist(model, translations="incomplete"))
        )
    sections = [
        (_("Drafts"), drafts),
        (_("Scheduled"), scheduled),
        (_("Translation incomplete (Russian or Belarusian)"), untranslated),
    ]
    if user.has_perm("photos.view_photo"):
        photos = [
            Item(label, counts[f"photos:{status}"], _changelist(Photo, status__exact=status))
            for status, label in (
                (Photo.Status.PENDING, _("waiting")),
                (Photo.Status.PROCESSING, _("processing")),
                (Photo.Status.FAILED, _("failed")),
            )
        ]
        sections.append((_("Photos"), photos))
    return sections


# --- the admin home's order ------------------------------------------------------

#: The shared records, in this order, after the kinds of content.
SHARED_ORDER = [
    "commission.person",
    "commission.organisation",
    "commission.membership",
    "commission.topic",
    "photos.photo",
]
SHARED_APPS = ["commission", "photos"]


def content_order() -> list[str]:
    """The secretariat's work first, in the kinds' order; then shared records."""
    return [kind.label for kind in kinds()] + SHARED_ORDER


def content_apps() -> list[str]:
    """The content apps in the kinds' order, then the shared records' apps."""
    return list(dict.fromkeys(kind.model._meta.app_label for kind in kinds())) + SHARED_APPS


def _position(label: str, order: list[str]) -> int:
    return order.index(label) if label in order else len(order)


def order_app_list(app_list: list[dict], user) -> list[dict]:
    """Content apps first (meetings, visits, aid, people, photos), technical ones last.

    Technical sections (accounts, lock-outs, TOTP devices, task results) are
    listed for superusers only.
    """
    content, technical = [], []
    order, apps = content_order(), content_apps()
    for app in app_list:
        if app["app_label"] in apps:
            app["models"].sort(
                key=lambda model: _position(
                    f"{app['app_label']}.{model['object_name'].lower()}", order
                )
            )
            content.append(app)
        else:
            app["technical"] = True
            technical.append(app)
    content.sort(key=lambda app: apps.index(app["app_label"]))
    return content + (technical if user.is_superuser else [])


@dataclass(frozen=True)
class Shortcut:
    label: str
    url: str


def shortcuts(user) -> list[Shortcut]:
    """The home page's first row: what the secretariat starts most often."""
    items = []
    for model, label in (
        *((kind.model, kind.add_label) for kind in kinds() if kind.add_label),
        (Photo, _("Upload a photo")),
    ):
        opts = model._meta
        if user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
            items.append(Shortcut(label, reverse(f"admin:{opts.app_label}_{opts.model_name}_add")))
    if user.has_perm("meetings.view_meeting") or user.has_perm("delegations.view_delegation"):
        items.append(Shortcut(_("Calendar of meetings and visits"), reverse("admin:calendar")))
    return items
