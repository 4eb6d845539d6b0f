"""Values computed from the published content, kept until the content changes.

Totals, charts and key figures aggregate thousands of rows; they change only
when content does. :func:`cached` keeps such a value under the content version
(``core.page_cache``: every save or delete of content bumps it), so it
is recomputed once per change, not on every render, even with the page cache
off or for pages it does not hold. Since "published" also depends on the
clock (a scheduled item goes public by itself), a value is kept no later than
the next scheduled publication known when it was computed.

One entry per name (and language, for values with translated labels); one
cache round trip reads the version and the entry together.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from core.page_cache import VERSION_KEY, content_version

PREFIX = "content-cache"
#: The longest an entry is kept (the version makes it stale sooner on a change).
TIMEOUT = 24 * 3600


NEXT_KEY = f"{PREFIX}:next-scheduled"


def next_scheduled_publication() -> dt.datetime | None:
    """The earliest time a scheduled item of any kind goes public, if any.

    Looked up once per content version (and again once that time has come).
    """
    found = cache.get_many([VERSION_KEY, NEXT_KEY])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(NEXT_KEY)
    if entry is not None:
        entry_version, when = entry
        if entry_version == version and (when is None or timezone.now() < when):
            return when
    when = _next_scheduled_publication()
    cache.set(NEXT_KEY, (version, when), TIMEOUT)
    return when


def _next_scheduled_publication() -> dt.datetime | None:
    """One query over every publishable model: the scheduled items still to come."""
    from django.apps import apps

    from core.publishing import PublicationStatus, PublishableModel

    now = timezone.now()
    pending = [
        model._base_manager.filter(status=PublicationStatus.SCHEDULED, published_at__gt=now)
        .order_by()
        .values_list("published_at", flat=True)
        for model in apps.get_models()
        if issubclass(model, PublishableModel)
    ]
    if not pending:
        return None
    return min(pending[0].union(*pending[1:], all=True), default=None)


def key_for(name: str, *, per_language: bool = False) -> str:
    suffix = f":{get_language()}" if per_language else ""
    digest = hashlib.sha256(f"{name}{suffix}".encode()).hexdigest()[:32]
    return f"{PREFIX}:{digest}"


def query_key(queryset) -> str:
    """A name for what ``queryset`` reads (its database, SQL and parameters), for
    :func:`cached`: e.g. an admin list as filtered, searched and sorted."""
    sql, params = queryset.query.sql_with_params()
    return hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()[:32]


def cached(name: str, compute, *, per_language: bool = False):
    """``compute()``, or its value as it was when the content last changed."""
    key = key_for(name, per_language=per_language)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    now = timezone.now()
    if entry is not None:
        entry_version, valid_until, value = entry
        if entry_version == version and (valid_until is None or now < valid_until):
            return value
    value = compute()
    cache.set(key, (version, next_scheduled_publication(), value), TIMEOUT)
    return value


def count_and_first(queryset, first: int) -> dict:
    """How many rows ``queryset`` has, and the ids of its ``first`` first rows.

    For a page listing the first items of a long list: kept with :func:`cached`,
    its rows are then fetched by id (:func:`in_order`). Finding the first items
    among every row is the costly part (they may be far down the order);
    fetching them by id is not.
    """
    return {"count": queryset.count(), "ids": list(queryset.values_list("pk", flat=True)[:first])}


class InOrder:
    """The rows of a queryset with given ids, in the order of the ids, read when used.

    The cards of a list (core.cards) read only what their keys need from
    ``rows``; iterating reads the whole rows. Ids no longer in the queryset are
    left out.
    """

    def __init__(self, queryset, ids: list[int]):
        self.ids = list(ids)
        self.rows = queryset.filter(pk__in=self.ids)

    def __iter__(self):
        found = self.rows.in_bulk(self.ids)
        return iter([found[pk] for pk in self.ids if pk in found])

    def __bool__(self) -> bool:
        return bool(self.ids)


def in_order(queryset, ids: list[int]) -> InOrder:
    """The rows of ``queryset`` with these ids, in the order of ``ids`` (:class:`InOrder`).

    For lists whose first items are kept by id (finding them is the costly
    part, fetching them by id is not).
    """
    return InOrder(queryset, ids)
