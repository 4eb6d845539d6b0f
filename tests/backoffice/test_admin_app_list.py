"""The admin's list of apps and models (backoffice/admin_site.py) is made once per set of
permissions and language, and is what Django makes for each user."""

from __future__ import annotations

import pytest
from django.contrib.admin import AdminSite
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.utils import translation

from backoffice.dashboard import order_app_list


def plain(apps) -> list:
    return [
        (
            app["app_label"],
            str(app["name"]),
            app["app_url"],
            [
                (
                    model["object_name"],
                    str(model["name"]),
                    model.get("admin_url"),
                    model.get("add_url"),
                    model["perms"],
                    model.get("view_only"),
                )
                for model in app["models"]
            ],
        )
        for app in apps
    ]


def lists(user, language: str) -> tuple[list, list]:
    from django.contrib import admin

    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override(language):
        ours = admin.site.get_app_list(request)
        djangos = order_app_list(AdminSite.get_app_list(admin.site, request), user)
        return plain(ours), plain(djangos)


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_each_user_has_djangos_list_in_their_language(superuser, editor, publisher, language):
    seen = []
    for user in (superuser, editor, publisher, superuser, editor):
        ours, djangos = lists(user, language)
        assert ours == djangos
        seen.append(ours)
    assert seen[0] != seen[1] and seen[0] == seen[3] and seen[1] == seen[4]


def test_a_permission_given_shows_at_once(editor):
    before, _ = lists(editor, "en")
    app_label, object_name, action = next(
        (app, model, action)
        for app, _name, _url, models in before
        for model, _mname, _admin, _add, perms, _view_only in models
        for action, allowed in perms.items()
        if not allowed and action == "delete"
    )
    editor.user_permissions.add(
        Permission.objects.get(
            content_type__app_label=app_label, codename=f"{action}_{object_name.lower()}"
        )
    )
    editor = type(editor).objects.get(pk=editor.pk)  # a new request's user
    after, djangos = lists(editor, "en")
    assert after == djangos and after != before


def test_each_page_has_its_own_copy(superuser):
    from django.contrib import admin

    request = RequestFactory().get("/admin/")
    request.user = superuser
    first = admin.site.get_app_list(request)
    first[0]["models"].clear()
    first[0]["models"].append({"object_name": "Changed"})
    second = admin.site.get_app_list(request)
    assert second[0]["models"] and second[0]["models"][0]["object_name"] != "Changed"
