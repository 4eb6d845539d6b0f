"""The shared cache on the local Redis: page cache and its invalidation across processes."""

import socket
import uuid

import pytest
from django.core.cache import caches

from tests.factories import make_meeting

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
            "BACKEND": "core.cache.RedisCache",  # what CACHE_URL=redis://… selects
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


def test_the_health_check_uses_the_redis_cache(client, redis_cache, settings):
    settings.HEALTH_TOKEN = "health-token"
    data = client.get("/health/", HTTP_AUTHORIZATION="Bearer health-token").json()
    assert data["checks"]["cache"]["ok"] is True


@pytest.fixture
def unreachable_redis(settings):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    return caches["default"]


def test_the_site_carries_on_without_redis(client, unreachable_redis, caplog, settings):
    meeting = make_meeting(title_en="Talks without a cache")
    for _ in range(2):
        response = client.get("/en/meetings/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"  # rendered each time, not an error
        assert b"Talks without a cache" in response.content
    assert "Redis cache unavailable" in caplog.text

    # Saving content (which bumps the page cache's version) still works.
    meeting.title_en = "Renamed while Redis is down"
    meeting.save()
    assert b"Renamed while Redis is down" in client.get("/en/meetings/").content

    settings.HEALTH_TOKEN = "health-token"
    health = client.get("/health/", HTTP_AUTHORIZATION="Bearer health-token")
    assert health.status_code == 503
    assert health.json()["checks"]["cache"]["ok"] is False


def test_cache_url_selects_the_tolerant_backend_with_timeouts():
    import subprocess
    import sys

    code = (
        "from django.conf import settings; c = settings.CACHES['default'];"
        "print(c['BACKEND'], c['OPTIONS']['socket_timeout'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={"DJANGO_SETTINGS_MODULE": "config.settings", "CACHE_URL": REDIS_URL},
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["core.cache.RedisCache", "1"], result.stderr
