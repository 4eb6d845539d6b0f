"""Publishing: the writes behind the admin's publish, unpublish and schedule."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from core.publishing import (
    PublicationStatus,
    PublishableModel,
    PublishingAction,
    resolve_state,
)


def publish(*, obj: PublishableModel, at: datetime | None = None) -> PublishableModel:
    """Publish now, or schedule for ``at`` when it lies in the future."""
    now = timezone.now()
    if at is not None and at > now:
        action, when = PublishingAction.SCHEDULE, at
    else:
        action, when = PublishingAction.PUBLISH, obj.published_at
    obj.status, obj.published_at = resolve_state(
        action, status=obj.status, published_at=when, was_public=obj.is_public, now=now
    )
    obj.save(update_fields=["status", "published_at", "updated_at"])
    return obj


def unpublish(*, obj: PublishableModel) -> PublishableModel:
    """Back to draft: gone from every public page, feed and export."""
    obj.status = PublicationStatus.DRAFT
    obj.save(update_fields=["status", "updated_at"])
    return obj


@transaction.atomic
def publish_many(*, objects, at: datetime | None = None) -> int:
    count = 0
    for obj in objects:
        publish(obj=obj, at=at)
        count += 1
    return count


@transaction.atomic
def unpublish_many(*, objects) -> int:
    count = 0
    for obj in objects:
        unpublish(obj=obj)
        count += 1
    return count
