"""Which languages an object's translated text is missing in."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

#: The languages content is written in besides English (the fallback).
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def missing_languages(obj, fields: tuple[str, ...] = ("title",)) -> list[str]:
    return [
        code
        for code in TRANSLATED_LANGUAGES
        if any(not (getattr(obj, f"{field}_{code}", "") or "").strip() for field in fields)
    ]


def missing_translation_q(fields: tuple[str, ...] = ("title",)) -> Q:
    """Objects missing any of ``fields`` in any translated language."""
    condition = Q()
    for code in TRANSLATED_LANGUAGES:
        for field in fields:
            condition |= Q(**{f"{field}_{code}": ""}) | Q(**{f"{field}_{code}__isnull": True})
    return condition
