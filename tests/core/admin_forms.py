"""The admin's forms, for the tests that compare every one of them with Django's."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse


def forms_of_the_admin() -> list[str]:
    """Each registered model's admin URL name prefix (``admin:app_model``)."""
    return sorted(
        f"admin:{model._meta.app_label}_{model._meta.model_name}" for model in admin.site._registry
    )


def form_urls(name: str, changes: int = 3) -> list[str]:
    """The add form of ``name`` and the change forms of its first ``changes`` items."""
    model = next(
        m for m in admin.site._registry if name == f"admin:{m._meta.app_label}_{m._meta.model_name}"
    )
    return [reverse(f"{name}_add")] + [
        reverse(f"{name}_change", args=[pk])
        for pk in model._default_manager.values_list("pk", flat=True)[:changes]
    ]


def form_pages(client, name: str):
    """The responses of ``name``'s forms (see :func:`form_urls`) that show one."""
    for url in form_urls(name):
        response = client.get(url)
        if response.status_code == 200 and "adminform" in (response.context or {}):
            yield response
