"""The public site's identity: logotype, parent body, footer facts, from settings.

Each item is shown only when it is set (README, Settings). Texts may differ
per language: ``SITE_ADDRESS_RU`` is used on Russian pages, ``SITE_ADDRESS``
wherever no text of the page's language is set.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language


def _text(name: str, language: str) -> str:
    own = getattr(settings, f"{name}_{language.upper()}", "")
    return (own or getattr(settings, name, "") or "").strip()


def logo_url(value: str) -> str:
    """A logotype given as an address (``/media/…``, ``https://…``) or a static file's path."""
    value = (value or "").strip()
    if not value:
        return ""
    if value.startswith(("/", "http://", "https://")):
        return value
    return static(value)


def site_identity(request) -> dict:
    language = (get_language() or "en")[:2]
    return {
        "site_identity": {
            "logo": logo_url(settings.SITE_LOGO),
            "parent_url": settings.SITE_PARENT_URL,
            "address": _text("SITE_ADDRESS", language),
            "press_contact": _text("SITE_PRESS_CONTACT", language),
            "press_email": settings.SITE_PRESS_EMAIL.strip(),
            "press_phone": settings.SITE_PRESS_PHONE.strip(),
            "accessibility_url": settings.SITE_ACCESSIBILITY_URL.strip(),
            "copyright": _text("SITE_COPYRIGHT", language),
            "year": dt.date.today().year,
        }
    }
