"""Django's Redis cache backend, made cheaper per call and tolerant of outages.

- Django's ``RedisCacheClient`` builds a new ``redis.Redis`` object (about
  0.2 ms of Python setup) for every cache call; a cached page takes one or
  two calls. This client keeps one per connection pool.
- When Redis cannot be reached, reads miss and writes are dropped, with a
  warning in the log at most every ``WARN_EVERY_SECONDS``: the site renders
  every page itself and the admin keeps saving — slower, not down. ``/health/``
  still reports the cache as failing.

Selected in settings.py whenever ``CACHE_URL`` is a redis:// address.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
WARN_EVERY_SECONDS = 10.0


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    _last_warning = 0.0

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _unavailable(self, error: Exception, fallback):
        now = time.monotonic()
        if now - RedisCache._last_warning >= WARN_EVERY_SECONDS:
            RedisCache._last_warning = now
            logger.warning("Redis cache unavailable, carrying on without it: %s", error)
        return fallback

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except UNAVAILABLE as error:
            self._unavailable(error, None)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNAVAILABLE as error:
            return self._unavailable(error, False)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except UNAVAILABLE as error:
            self._unavailable(error, None)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as error:
            self._unavailable(error, None)
            raise ValueError(f"Key '{key}' could not be incremented: Redis unavailable") from error

    def clear(self):
        try:
            return super().clear()
        except UNAVAILABLE as error:
            return self._unavailable(error, False)
