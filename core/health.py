"""A health endpoint for load balancers and monitoring.

Anyone may ask ``/health/``: the answer checks the database only (one
``SELECT 1``) and says no more than ``{"healthy": true}`` — cheap enough for a
load balancer every few seconds, and nothing for a stranger to learn or to
make the site do. The full check — database, cache and storage (a write, a
read and a delete), with timings and the failing dependency named — needs the
``HEALTH_TOKEN`` setting's value, sent as ``Authorization: Bearer <token>``
or ``X-Health-Token: <token>``. A wrong token gets 403, so a misconfigured
monitor notices instead of reading the public answer as a full one.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


def _storage() -> None:
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as handle:
            if handle.read() != b"ok":
                raise RuntimeError("the storage did not return what was written")
    finally:
        default_storage.delete(name)


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "storage": _storage,
}
#: What an anonymous request checks: what the site cannot serve a page without.
PUBLIC_CHECKS = ("database",)


def _run(names) -> dict[str, dict]:
    results = {}
    for name in names:
        start = time.perf_counter()
        try:
            CHECKS[name]()
        except Exception as error:  # noqa: BLE001 - a failing dependency is the answer, not a crash
            logger.error("Health check %s failed: %s", name, error)
            results[name] = {"ok": False, "error": error.__class__.__name__}
        else:
            results[name] = {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 1)}
    return results


def presented_token(request: HttpRequest) -> str | None:
    """The token the request carries, if any (``Authorization: Bearer`` or ``X-Health-Token``)."""
    scheme, _space, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("X-Health-Token") or None


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 when the checked dependencies answer, 503 when one does not."""
    token = presented_token(request)
    if token is None:
        healthy = all(result["ok"] for result in _run(PUBLIC_CHECKS).values())
        return JsonResponse({"healthy": healthy}, status=200 if healthy else 503)
    # Compared in constant time; with no HEALTH_TOKEN set, no token is right.
    if not settings.HEALTH_TOKEN or not constant_time_compare(token, settings.HEALTH_TOKEN):
        return JsonResponse({"error": "wrong health token"}, status=403)
    results = _run(CHECKS)
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"healthy": healthy, "checks": results}, status=200 if healthy else 503)
