"""Cards and project rows, kept until what they show changes (core.cards).

Each test changes one thing a card is made from, by the path staff or the
system would take, and reads the public list again: the change shows, and
the cards of what did not change are read back, not made again.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.template import Context, Template, TemplateSyntaxError
from django.test.signals import template_rendered

from core import cards
from photos.models import Photo, update_photos
from photos.services import photo_create
from photos.variants import process_photo
from tests.factories import make_delegation, make_japan_meeting, make_meeting, make_project
from tests.photos.images import jpeg_bytes

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<article class="card.*?</article>', re.S)


def card_html(client, path: str = "/en/meetings/") -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    return CARD.findall(response.content.decode())


@contextmanager
def rendered(name: str):
    """The number of times the template ``name`` is rendered inside the block."""
    names: list[str] = []

    def record(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        yield names
    finally:
        template_rendered.disconnect(record)
        names[:] = [found for found in names if found == name]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the cards themselves, not whole pages


def test_a_kept_card_is_read_back_as_it_was_made(client):
    make_japan_meeting()
    make_meeting(title_en="Sitting on trade", countries=["CN", "JP"])
    with rendered("includes/meeting_card.html") as first:
        made = card_html(client)
    with rendered("includes/meeting_card.html") as second:
        kept = card_html(client)
    assert len(first) == 2 and second == []
    assert kept == made
    cache.clear()
    assert card_html(client) == made  # the same as made afresh


def test_one_edit_makes_only_that_card_again(client):
    meeting = make_meeting(title_en="Before")
    make_meeting(title_en="Untouched")
    card_html(client)
    meeting.title_en = "After"
    meeting.save()
    with rendered("includes/meeting_card.html") as made:
        page = " ".join(card_html(client))
    assert "After" in page and "Before" not in page and "Untouched" in page
    assert len(made) == 1


def test_countries_changed_without_saving_the_meeting_show(client):
    meeting = make_meeting(title_en="Talks", countries=["JP"])
    assert "Japan" in card_html(client)[0]
    meeting.countries.add("CN")
    assert "China" in card_html(client)[0]
    meeting.countries.remove("JP")
    assert "Japan" not in card_html(client)[0]


def test_a_photo_added_edited_and_processed_shows(client, django_capture_on_commit_callbacks):
    meeting = make_meeting(title_en="Talks")
    assert "picture" not in card_html(client)[0]
    with django_capture_on_commit_callbacks(execute=False):  # processed below, by hand
        photo = photo_create(
            file=ContentFile(jpeg_bytes(900, 600), name="talks.jpg"), alt_text="Handshake"
        )
    meeting.gallery.create(photo=photo, is_cover=True)
    card = card_html(client)[0]
    assert "picture-pending" in card and 'alt="Handshake"' in card
    photo.alt_text_en = "The handshake"
    photo.save()
    assert 'alt="The handshake"' in card_html(client)[0]
    process_photo(photo.pk)  # the worker's path: QuerySet.update(), no save
    assert Photo.objects.get(pk=photo.pk).status == Photo.Status.READY
    card = card_html(client)[0]
    assert "<picture>" in card and "picture-pending" not in card
    # Queued again (the admin's "retry processing"): the status alone changes.
    update_photos(Photo.objects.filter(pk=photo.pk), changed=False, status=Photo.Status.PENDING)
    assert "picture-pending" in card_html(client)[0]
    process_photo(photo.pk)  # the same variants again: nothing else changes
    assert "<picture>" in card_html(client)[0]
    meeting.gallery.all().delete()
    assert "picture" not in card_html(client)[0]


def test_cards_are_kept_per_language_and_heading_level(client):
    make_japan_meeting()
    assert "Ambassador of Japan" in card_html(client)[0]
    assert "Послом Японии" in card_html(client, "/ru/meetings/")[0]
    assert '<h2 class="card-title">' in card_html(client)[0]
    assert '<h3 class="card-title">' in card_html(client, "/en/")[0]
    assert '<h3 class="card-title">' in card_html(client, "/en/countries/JP/")[0]


def test_a_delegations_countries_show_on_its_card(client):
    delegation = make_delegation(title_en="Visit to Tokyo", countries=["JP"])
    assert "Japan" in card_html(client, "/en/delegations/")[0]
    delegation.countries.set(["CN"])
    card = card_html(client, "/en/delegations/")[0]
    assert "China" in card and "Japan" not in card


def project_row(client, path: str) -> str:
    page = client.get(path).content.decode()
    return re.search(r"<tr>\s*<th scope=\"row\".*?</tr>", page, re.S).group(0)


@pytest.mark.parametrize("path", ["/en/aid/", "/en/", "/en/countries/JP/"])
def test_a_renamed_donor_shows_on_the_project_rows(client, path):
    project = make_project(title_en="Clinic grant")
    project.donor.country = "JP"
    project.donor.save()
    assert "Clinic grant" in project_row(client, path)
    donor = project.donor
    donor.name_en = "Government of Japan"
    donor.save()
    assert "Government of Japan" in project_row(client, path)


def test_a_new_release_makes_the_cards_again(client, monkeypatch):
    make_meeting(title_en="Talks")
    card_html(client)
    monkeypatch.setattr(cards, "release", lambda: "a later release")
    with rendered("includes/meeting_card.html") as made:
        card_html(client)
    assert len(made) == 1


def test_the_release_follows_the_code_templates_and_translations(settings, tmp_path):
    for name in ("templates/includes/card.html", "meetings/models.py", "locale/ru/x.mo"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("one")
    (tmp_path / "tests").mkdir()
    settings.BASE_DIR = tmp_path
    cards.release.cache_clear()
    try:
        before = cards.release()
        (tmp_path / "tests" / "test_x.py").write_text("not part of a release")
        cards.release.cache_clear()
        assert cards.release() == before
        for name in ("templates/includes/card.html", "meetings/models.py", "locale/ru/x.mo"):
            (tmp_path / name).write_text("two")
            cards.release.cache_clear()
            assert cards.release() != before, name
            before = cards.release()
    finally:
        cards.release.cache_clear()


def test_the_filter_form_is_kept_per_choice_and_follows_the_content(client):
    make_japan_meeting()
    plain = client.get("/en/meetings/").content.decode()
    chosen = client.get("/en/meetings/?country=JP").content.decode()
    assert '<option value="JP" selected>' not in plain
    assert '<option value="JP" selected>' in chosen
    assert "Clear filters" in chosen and "Clear filters" not in plain
    make_meeting(title_en="Sitting", countries=["CN"])  # a save: the choices change
    assert '<option value="CN">China</option>' in client.get("/en/meetings/").content.decode()


def test_the_programme_list_follows_the_content(client):
    project = make_project(title_en="Clinic grant")
    from aid.models import AidProgramme

    programme = AidProgramme.objects.create(
        title_en="Grass-roots grants", slug="grass-roots", donor=project.donor, status="published"
    )
    assert "Grass-roots grants" in client.get("/en/aid/").content.decode()
    programme.title_en = "Grant assistance for grass-roots projects"
    programme.save()
    assert "Grant assistance for grass-roots projects" in client.get("/en/aid/").content.decode()


def test_a_kept_part_needs_a_quoted_name():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load site %}{% keep_until_change name %}x{% endkeep_until_change %}")
    template = Template(
        '{% load site %}{% keep_until_change "x" v %}{{ v }}{% endkeep_until_change %}'
    )
    assert template.render(Context({"v": 1})) == "1"
    assert template.render(Context({"v": 2})) == "2"  # a value of its own, a part of its own


def test_an_item_deleted_while_its_list_is_rendered_is_left_out(client, monkeypatch):
    from meetings.models import Meeting

    make_meeting(title_en="Kept")
    gone = make_meeting(title_en="Gone")
    read_stamps = cards.related_stamps

    def deleted_meanwhile(model, ids, relations):
        stamps = read_stamps(model, ids, relations)
        Meeting.objects.filter(pk=gone.pk).delete()  # after the keys, before the rows
        return stamps

    monkeypatch.setattr(cards, "related_stamps", deleted_meanwhile)
    page = " ".join(card_html(client))
    assert "Kept" in page and "Gone" not in page
