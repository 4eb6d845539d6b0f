"""The shared cache on the local Redis: page cache and its invalidation across processes."""

import socket
import uuid

import pytest
from django.core.cache import caches

from tests.conftest import make_meeting

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_is_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def redis_cache(settings):
    if not redis_is_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379 (see README, Tests)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        }
    }
    yield caches["default"]
    caches["default"].clear()


def test_pages_are_cached_in_redis_and_invalidated_by_a_change(client, redis_cache):
    meeting = make_meeting(title_en="Shared cache talks")
    assert client.get("/en/meetings/")["X-Page-Cache"] == "miss"
    assert client.get("/en/meetings/")["X-Page-Cache"] == "hit"
    # Another process (another web worker) would see the same entry and version.
    assert redis_cache.get("page-cache:version") is not None
    meeting.title_en = "Renamed talks"
    meeting.save()
    response = client.get("/en/meetings/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Renamed talks" in response.content


def test_the_health_check_uses_the_redis_cache(client, redis_cache):
    data = client.get("/health/").json()
    assert data["checks"]["cache"]["ok"] is True
