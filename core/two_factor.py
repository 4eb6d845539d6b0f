"""Whether the admin asks for a second factor, and whether a user has given it."""

from __future__ import annotations

from django.conf import settings


def second_factor_required() -> bool:
    return settings.ADMIN_REQUIRE_2FA


def is_verified(user) -> bool:
    """Logged in with a second factor (always true when none is required)."""
    return not second_factor_required() or bool(getattr(user, "is_verified", lambda: False)())
