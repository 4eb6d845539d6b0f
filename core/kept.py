"""Things made once per process and key: a bounded memo for what never goes stale.

For values that are a pure function of their key (the key names everything
they are made from: the language, the user's permissions, the field…), so
that keeping them in the process needs no invalidation. At most ``limit`` are
kept; beyond it the memo starts again (simpler than least-recently-used, and
the keys of a running site are few).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Kept:
    def __init__(self, limit: int):
        self.limit = limit
        self._values: dict = {}

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept under ``key``, made by ``make()`` the first time."""
        try:
            return self._values[key]
        except KeyError:
            pass
        value = make()
        if len(self._values) >= self.limit:
            self._values.clear()
        self._values[key] = value
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)
