"""Translated columns and which languages an object's translated text is missing in.

django-modeltranslation stores each translated field once per language of
``settings.LANGUAGES`` (``title_en``, ``title_ru``…). Every place that names
such a column goes through :func:`column`, so the languages are listed only in
the settings.
"""

from __future__ import annotations

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db.models import Q

#: Every language of the site, in the settings' order.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

#: The language content is written in first, and the fallback of every other.
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE

#: The languages content is written in besides the source language.
TRANSLATED_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]

#: Each language's name in itself ("English", "Русский", "Беларуская").
LANGUAGE_NAMES = {code: LANG_INFO[code]["name_local"].capitalize() for code in LANGUAGE_CODES}


def column(field: str, code: str) -> str:
    """The column of ``field`` in language ``code``: ``column("title", "ru")`` is ``title_ru``."""
    return f"{field}_{code}"


def columns(field: str, codes: list[str] | tuple[str, ...] | None = None) -> list[str]:
    """The columns of ``field`` in ``codes`` (every language by default)."""
    return [column(field, code) for code in (LANGUAGE_CODES if codes is None else codes)]


def with_fallback(language: str) -> list[str]:
    """``language`` and then the source language it falls back to (once if they are one)."""
    return [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]


def text_in(obj, field: str, code: str) -> str:
    """The object's own text of ``field`` in language ``code`` ("" when empty)."""
    return getattr(obj, column(field, code), "") or ""


def missing_languages(obj, fields: tuple[str, ...] = ("title",)) -> list[str]:
    return [
        code
        for code in TRANSLATED_LANGUAGES
        if any(not text_in(obj, field, code).strip() for field in fields)
    ]


def missing_translation_q(fields: tuple[str, ...] = ("title",)) -> Q:
    """Objects missing any of ``fields`` in any translated language."""
    condition = Q()
    for code in TRANSLATED_LANGUAGES:
        for field in fields:
            name = column(field, code)
            condition |= Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
    return condition
