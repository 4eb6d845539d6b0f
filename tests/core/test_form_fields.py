"""The admin's form fields kept (core/form_fields.py): made once, in the staff's language,
with each user's related-object links, and the pages as without them."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.test import Client
from django.urls import reverse

from commission.models import StaffPreference
from core import form_fields
from tests.factories import make_japan_meeting


@pytest.fixture
def meeting(db):
    return make_japan_meeting(status="draft")  # an editor may change a draft


def change_form(client, meeting):
    response = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert response.status_code == 200
    return response


def links_as_made_for(response) -> list[tuple]:
    """(field, link, as kept, as Django makes it for this user) of every related-object link."""
    from django.db.models import CASCADE

    request = response.wsgi_request
    forms = [response.context["adminform"].form]
    for formset in response.context["inline_admin_formsets"]:
        forms += formset.formset.forms
    found = []
    for form in forms:
        for name, field in form.fields.items():
            widget = field.widget
            if not isinstance(widget, RelatedFieldWidgetWrapper):
                continue
            related = admin.site._registry[widget.rel.model]
            single = not getattr(widget.widget, "allow_multiple_selected", False)
            cascade = getattr(widget.rel, "on_delete", None) is CASCADE
            for link, made in [
                ("add", related.has_add_permission(request)),
                ("change", single and related.has_change_permission(request)),
                ("delete", single and not cascade and related.has_delete_permission(request)),
                ("view", single and related.has_view_permission(request)),
            ]:
                found.append((name, link, getattr(widget, f"can_{link}_related"), made))
    return found


def test_a_field_is_made_once_and_shared_by_the_forms(admin_client, meeting):
    first = change_form(admin_client, meeting).context["adminform"].form
    second = change_form(admin_client, meeting).context["adminform"].form
    assert first.base_fields["title_en"] is second.base_fields["title_en"]  # kept
    assert first.fields["title_en"] is not second.fields["title_en"]  # each form its copy


def test_each_language_has_its_fields(client, superuser, meeting):
    client.force_login(superuser)
    english = change_form(client, meeting).content.decode()
    StaffPreference.objects.create(user=superuser, language="ru")
    russian = change_form(client, meeting).content.decode()
    assert re.search(r'<select name="countries"[^>]*lang="en"', english)
    assert re.search(r'<select name="countries"[^>]*lang="ru"', russian)


def test_each_user_has_the_links_of_their_permissions(superuser, editor, meeting):
    seen = {}
    for user in (superuser, editor, superuser, editor):
        client = Client()
        client.force_login(user)
        links = links_as_made_for(change_form(client, meeting))
        assert links and all(kept == expected for _name, _link, kept, expected in links)
        seen.setdefault(user.username, links)
    # The two users' links differ somewhere (else this test would not tell them apart).
    assert seen[superuser.username] != seen[editor.username]


def test_the_page_is_the_same_with_the_fields_kept(admin_client, meeting):
    def page():
        text = change_form(admin_client, meeting).content.decode()
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

    form_fields._KEPT.clear()
    made = page()
    assert form_fields._KEPT  # kept while making it
    assert page() == made
