"""Shared fixtures: isolated media storage, named users (factories: tests/factories.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_staff


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    from django.core.cache import cache

    cache.clear()  # nothing cached by one test is seen by the next
    from django.utils import translation

    # A request to /ru/ leaves Russian active in the thread: each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "pw-root-123")


@pytest.fixture
def editor(db):
    """May create and edit drafts and upload photos; may not publish or delete published items."""
    return make_staff("editor", "Editor")


@pytest.fixture
def publisher(db):
    """May publish, unpublish, schedule and delete."""
    return make_staff("publisher", "Publisher")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
