"""A health endpoint for load balancers and monitoring: database, cache, storage."""

from __future__ import annotations

import logging
import time
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
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


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 when every dependency answers, 503 naming the ones that do not."""
    results = {}
    for name, check in CHECKS.items():
        start = time.perf_counter()
        try:
            check()
        except Exception as error:  # noqa: BLE001 - a failing dependency is the answer, not a crash
            logger.error("Health check %s failed: %s", name, error)
            results[name] = {"ok": False, "error": error.__class__.__name__}
        else:
            results[name] = {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 1)}
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse({"healthy": healthy, "checks": results}, status=200 if healthy else 503)
