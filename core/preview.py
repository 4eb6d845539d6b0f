"""Signed, expiring preview links to drafts, for staff only (the view: ``backoffice.preview``)."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.urls import reverse

SALT = "core.preview"
MAX_AGE = timedelta(days=7)


def preview_url(obj) -> str:
    token = signing.dumps([obj._meta.label_lower, obj.pk], salt=SALT, compress=True)
    return reverse("preview", kwargs={"token": token})
