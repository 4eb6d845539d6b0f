"""The kinds of content are listed once (core.kinds), and every consumer reads that list."""

import pytest
from django.apps import apps

from backoffice.backup import _has_content
from backoffice.dashboard import attention_items, content_apps, content_order, shortcuts
from core import kinds as kinds_module
from core.kinds import kinds, project_app_labels, search_kinds
from core.preview import preview_url
from core.publishing import PublishableModel
from core.roles import EDITOR, PUBLISHER, content, permissions_for
from reports import opendata, writers
from reports.data import AnnualReport
from reports.views import reported_models
from tests.factories import make_delegation, make_meeting
from website.search import search, sources
from website.sitemaps import PagesSitemap, sitemaps

LABELS = ["meetings.meeting", "delegations.delegation", "aid.aidprogramme", "aid.aidproject"]


def test_every_publishable_model_is_one_kind_in_the_order_of_its_apps():
    publishable = [
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, PublishableModel) and not model.__name__.startswith("Historical")
    ]
    # The order every list follows (it shows in the admin, the sitemaps, the roles).
    assert [kind.label for kind in kinds()] == LABELS
    assert sorted(publishable) == sorted(LABELS)
    # Search lists projects before programmes, as it did.
    assert [kind.label for kind in search_kinds()] == [
        "meetings.meeting",
        "delegations.delegation",
        "aid.aidproject",
        "aid.aidprogramme",
    ]


def test_each_kind_declares_what_its_consumers_need():
    for kind in kinds():
        assert kind.sitemap.model is kind.model
        assert kind.search_fields[0] == "title"
        assert kind.search_fields == kind.model.search_fields
        for part in kind.parts:
            assert apps.get_model(part)._meta.app_label == kind.model._meta.app_label
    assert project_app_labels() == ["commission", "photos", "meetings", "delegations", "aid"]


@pytest.mark.django_db
def test_every_consumer_lists_exactly_the_registered_kinds(superuser):
    everything = [kind.model for kind in kinds()]
    assert [model for model, _label, _fields in sources()] == [k.model for k in search_kinds()]
    assert list(sitemaps().values())[1:] == [kind.sitemap for kind in kinds()]
    assert PagesSitemap().items()[1:4] == ["meetings:archive", "delegations:list", "aid:index"]
    drafts = dict(attention_items(superuser))["Drafts"]
    assert [item.label for item in drafts] == [m._meta.verbose_name_plural for m in everything]
    assert content_order()[:4] == LABELS
    assert content_apps() == ["meetings", "delegations", "aid", "commission", "photos"]
    assert content()[:4] == LABELS
    publish = [f"{app}.{code}" for app, code in permissions_for(PUBLISHER) if "publish_" in code]
    assert publish == [
        "meetings.publish_meeting",
        "delegations.publish_delegation",
        "aid.publish_aidprogramme",
        "aid.publish_aidproject",
        "commission.publish_shared",
    ]
    assert reported_models() == [m for m in everything if m._meta.model_name != "aidprogramme"]
    # The annual report's and open data's entities are the reported kinds, in order
    # (their rows are the report's own code, reports/data.py).
    plural = [str(model._meta.verbose_name_plural) for model in reported_models()]
    report = AnnualReport(2025)
    assert [key.replace("_", " ") for key, *_ in writers.entities(report)] == plural
    assert [key.replace("-", " ") for key in opendata.ENTITIES] == plural


@pytest.mark.django_db
def test_a_kind_left_out_of_the_registry_is_left_out_everywhere(
    monkeypatch, superuser, editor_client
):
    """No consumer keeps a list of its own: with one kind declared, each shows only it."""
    meeting = make_meeting(status="draft", title_en="Japan draft")
    delegation = make_delegation(status="published", title_en="Japan visit")
    only_meetings = tuple(kind for kind in kinds() if kind.label == "meetings.meeting")
    monkeypatch.setattr(kinds_module, "_kinds", lambda: only_meetings)

    assert [model for model, _label, _fields in sources()] == [type(meeting)]
    assert search("Japan", "en") == []  # the meeting is a draft, the visit not a kind
    assert list(sitemaps()) == ["pages", "meetings"]
    assert "delegations:list" not in PagesSitemap().items()
    assert [str(item.label) for item in dict(attention_items(superuser))["Drafts"]] == ["meetings"]
    assert [str(s.label) for s in shortcuts(superuser)][:2] == ["New meeting", "Upload a photo"]
    assert content_apps() == ["meetings", "commission", "photos"]
    assert not any(label.startswith(("delegations.", "aid.")) for label in content())
    assert not any(app in ("delegations", "aid") for app, _code in permissions_for(EDITOR))
    assert reported_models() == [type(meeting)]
    assert editor_client.get(preview_url(meeting)).status_code == 200
    assert editor_client.get(preview_url(delegation)).status_code == 404
    type(meeting).objects.all().delete()
    assert not _has_content()  # the visit left is not a kind here
