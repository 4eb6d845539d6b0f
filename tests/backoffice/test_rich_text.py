"""Rich text: hostile HTML never survives, whichever way it comes in, and pages show the rest.

The one allow-list (``core.richtext``) is applied on save (admin form,
import, history revert, model API) and again on output.
"""

import io

import pytest
import tablib
from django.urls import reverse

from aid.models import AidProgramme, AidProject
from commission.models import Person
from core.richtext import html_blocks, html_to_text, plain_text_to_html, sanitize_html
from delegations.models import Delegation
from meetings.models import Meeting
from tests.backoffice.test_history_revert import revert_url
from tests.factories import (
    make_delegation,
    make_meeting,
    make_organisation,
    make_person,
    make_project,
    meeting_form,
)

pytestmark = pytest.mark.django_db

#: (hostile HTML, the text that must survive) — what an attacker or a careless paste brings.
HOSTILE = [
    ('<p>Talks<script>alert("x")</script> held</p>', "Talks held"),
    ('<p onclick="steal()" onmouseover="steal()">Agenda</p>', "Agenda"),
    ('<a href="javascript:alert(1)">Read more</a>', "Read more"),
    ('<a href="JaVaScRiPt:alert(1)">Case</a>', "Case"),
    ('<a href=" javascript:alert(1)">Spaced</a>', "Spaced"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">Data link</a>', "Data link"),
    ('<img src="data:image/png;base64,AAAA" onerror="steal()">Image', "Image"),
    ('<p style="position:fixed;top:0">Styled</p>', "Styled"),
    ("<style>body{display:none}</style><p>After style</p>", "After style"),
    ('<iframe src="https://evil.example/"></iframe><p>After frame</p>', "After frame"),
    ('<svg onload="steal()"><circle/></svg><p>After svg</p>', "After svg"),
    ('<form action="https://evil.example/"><input name="q"></form><p>Form</p>', "Form"),
    ('<object data="x.swf"></object><embed src="x.swf"><p>Plugins</p>', "Plugins"),
    ("<!-- <script>alert(1)</script> --><p>Comment</p>", "Comment"),
    ('<p><span class="MsoNormal" style="mso-bidi-font-weight:bold">Word</span></p>', "Word"),
    ('<p><a href="https://example.org" target="_blank" onclick="x()">Link</a></p>', "Link"),
]
FORBIDDEN = (
    "<script",
    "onclick",
    "onmouseover",
    "onerror",
    "onload",
    "javascript:",
    "data:",
    "style=",
    "<style",
    "<iframe",
    "<svg",
    "<img",
    "<form",
    "<input",
    "<object",
    "<embed",
    "<!--",
    "class=",
    "target=",
)

#: Markup the editor makes and the allow-list keeps.
ALLOWED = (
    "<h2>Agenda</h2><p>The <strong>chairman</strong> and the <em>ambassador</em>:</p>"
    "<ul><li>healthcare</li><li>culture</li></ul><ol><li>first</li></ol>"
    "<blockquote><p>A quotation.</p></blockquote>"
    '<p>See <a href="https://example.org/report">the report</a> and '
    '<a href="/en/meetings/">the meetings</a>.<br>Next line.</p>'
)


def assert_harmless(html: str) -> None:
    lowered = html.lower()
    for marker in FORBIDDEN:
        assert marker not in lowered, (marker, html)


@pytest.mark.parametrize(("hostile", "kept"), HOSTILE)
def test_the_allow_list_removes_what_is_dangerous_and_keeps_the_text(hostile, kept):
    cleaned = sanitize_html(hostile)
    assert_harmless(cleaned)
    assert kept in html_to_text(cleaned)


def test_the_allow_list_keeps_the_editors_markup():
    cleaned = sanitize_html(ALLOWED)
    for kept in (
        "<h2>Agenda</h2>",
        "<strong>chairman</strong>",
        "<em>ambassador</em>",
        "<ul><li>healthcare</li><li>culture</li></ul>",
        "<ol><li>first</li></ol>",
        "<blockquote><p>A quotation.</p></blockquote>",
        'href="https://example.org/report"',
        'href="/en/meetings/"',
        "<br>",
    ):
        assert kept in cleaned
    assert 'rel="noopener noreferrer"' in cleaned
    assert sanitize_html(cleaned) == cleaned  # stable: saving twice changes nothing


def test_headings_outside_the_editors_levels_move_to_the_nearest_one():
    assert sanitize_html("<h1>Top</h1><h6>Deep</h6>") == "<h2>Top</h2><h4>Deep</h4>"


def test_an_empty_editor_stores_an_empty_string():
    for empty in ("<p></p>", "<p><br></p>", " <p> </p> ", "<p>&nbsp;</p>"):
        assert sanitize_html(empty) == ""


def test_plain_text_is_escaped_and_put_in_paragraphs():
    assert plain_text_to_html("First line\nsecond line\n\nA <b> & c") == (
        "<p>First line<br>second line</p><p>A &lt;b&gt; &amp; c</p>"
    )
    # Given to the model API or an import without any tag, text is plain text.
    assert sanitize_html("Tom & Jerry\n\n1 < 2") == "<p>Tom &amp; Jerry</p><p>1 &lt; 2</p>"


def test_rich_text_as_plain_text_keeps_paragraphs_and_list_items():
    text = html_to_text(
        "<h2>Agreed</h2><ul><li>one</li><li>two <b>bold</b></li></ul>"
        "<ol><li>first</li><li>second</li></ol><p>a<br>b &amp; c</p>"
    )
    assert text == "Agreed\n\n• one\n• two bold\n1. first\n2. second\n\na\nb & c"


def test_blocks_carry_bold_italic_and_links():
    (block,) = html_blocks('<p>A <strong>big</strong> <em>deal</em> <a href="/x">here</a></p>')
    assert [(r.text, r.bold, r.italic, r.href) for r in block.runs] == [
        ("A ", False, False, ""),
        ("big", True, False, ""),
        (" ", False, False, ""),
        ("deal", False, True, ""),
        (" ", False, False, ""),
        ("here", False, False, "/x"),
    ]


# --- on save, every way in -----------------------------------------------------------

HOSTILE_DOCUMENT = "".join(hostile for hostile, _kept in HOSTILE)


def rich_text_items():
    """(item, rich text field) for each model's rich text, one saved item each."""
    donor = make_organisation()
    return [
        (make_meeting(), "body"),
        (make_delegation(), "summary"),
        (make_delegation(), "outcomes"),
        (AidProgramme.objects.create(title_en="Grants", slug="grants", donor=donor), "description"),
        (make_project(), "body"),
        (make_person(), "biography"),
    ]


def test_the_model_api_stores_every_rich_text_field_sanitised_in_every_language():
    for item, field in rich_text_items():
        for language in ("en", "ru", "be"):
            setattr(item, f"{field}_{language}", HOSTILE_DOCUMENT + ALLOWED)
        item.save()
        item.refresh_from_db()
        for language in ("en", "ru", "be"):
            stored = getattr(item, f"{field}_{language}")
            assert_harmless(stored)
            assert "<strong>chairman</strong>" in stored and "Talks held" in stored
        assert_harmless(getattr(item.history.latest(), f"{field}_en"))


def test_an_editor_posting_hostile_html_in_the_admin_gets_it_sanitised(editor_client):
    response = editor_client.post(
        reverse("admin:meetings_meeting_add"),
        meeting_form(body_en=HOSTILE_DOCUMENT + ALLOWED, body_ru="<p onclick='x()'>Повестка</p>"),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    meeting = Meeting.objects.get()
    assert_harmless(meeting.body_en)
    assert "<h2>Agenda</h2>" in meeting.body_en and "Talks held" in meeting.body_en
    assert meeting.body_ru == "<p>Повестка</p>"
    assert meeting.status == "draft"


def test_the_admin_form_offers_the_editor_without_inline_script(editor_client):
    page = editor_client.get(reverse("admin:meetings_meeting_add"))
    html = page.content.decode()
    assert 'name="body_en"' in html and "data-richtext" in html
    assert 'src="/static/admin_extra/richtext.js" type="module"' in html
    assert 'type="importmap"' not in html
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # The summary stays plain text: it feeds cards, feeds and search descriptions.
    textareas = html.split("<textarea")
    summary = next(t for t in textareas if 'name="summary_en"' in t)
    assert "data-richtext" not in summary


def test_other_admin_forms_edit_their_rich_text_with_the_editor(publisher_client):
    for url, field in (
        (reverse("admin:delegations_delegation_add"), "outcomes_en"),
        (reverse("admin:aid_aidprogramme_add"), "description_en"),
        (reverse("admin:aid_aidproject_add"), "body_en"),
        (reverse("admin:commission_person_add"), "biography_en"),
    ):
        html = publisher_client.get(url).content.decode()
        area = next(t for t in html.split("<textarea") if f'name="{field}"' in t)
        assert "data-richtext" in area, url


def test_an_import_stores_rich_text_sanitised(publisher_client):
    dataset = tablib.Dataset(headers=["slug", "title_en", "body_en", "kind", "date", "status"])
    dataset.append(
        ["imported", "Imported", HOSTILE_DOCUMENT + ALLOWED, "sitting", "2026-03-02", "draft"]
    )
    upload = io.BytesIO(dataset.export("csv").encode())
    upload.name = "meetings.csv"
    preview = publisher_client.post(
        reverse("admin:meetings_meeting_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert preview.status_code == 200
    response = publisher_client.post(
        reverse("admin:meetings_meeting_process_import"), preview.context["confirm_form"].initial
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="imported")
    assert_harmless(meeting.body_en)
    assert "<strong>chairman</strong>" in meeting.body_en


def test_a_history_revert_to_a_version_stored_before_the_rule_is_sanitised(publisher_client):
    meeting = make_meeting(status="draft", body_en="<p>Clean</p>")
    version = meeting.history.get()
    # A historical row written before sanitising existed (bypassing save).
    type(version).objects.filter(pk=version.pk).update(body_en=HOSTILE_DOCUMENT)
    url = revert_url(meeting, version)
    page = publisher_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert form.initial["body_en"] == HOSTILE_DOCUMENT  # shown escaped in the textarea
    assert 'onclick="steal()"' not in page.content.decode()
    response = publisher_client.post(
        url, meeting_form(slug=meeting.slug, status="draft", body_en=form.initial["body_en"])
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    meeting.refresh_from_db()
    assert_harmless(meeting.body_en)
    assert "Talks held" in meeting.body_en


# --- on output -----------------------------------------------------------------------


def test_the_public_page_renders_the_allowed_markup(client):
    meeting = make_meeting(body_en=ALLOWED)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<h2>Agenda</h2>" in html
    assert "<ul><li>healthcare</li><li>culture</li></ul>" in html
    assert '<a href="https://example.org/report" rel="noopener noreferrer">the report</a>' in html
    assert "<blockquote><p>A quotation.</p></blockquote>" in html


def test_the_public_pages_sanitise_rows_stored_before_the_rule(client):
    meeting = make_meeting()
    delegation = make_delegation()
    project = make_project()
    programme = AidProgramme.objects.create(
        title_en="Grants", slug="grants", donor=project.donor, status="published"
    )
    # Stored with QuerySet.update(), which bypasses every save rule.
    Meeting.objects.filter(pk=meeting.pk).update(body_en=HOSTILE_DOCUMENT)
    Delegation.objects.filter(pk=delegation.pk).update(
        summary_en=HOSTILE_DOCUMENT, outcomes_en=HOSTILE_DOCUMENT
    )
    AidProject.objects.filter(pk=project.pk).update(body_en=HOSTILE_DOCUMENT)
    AidProgramme.objects.filter(pk=programme.pk).update(description_en=HOSTILE_DOCUMENT)
    for item in (meeting, delegation, project, programme):
        page = client.get(item.get_absolute_url())
        assert page.status_code == 200
        html = page.content.decode()
        body = html[html.index("<main") : html.index("</main>")]
        assert "Talks held" in body
        for marker in ("alert(", "steal()", "javascript:", "evil.example", "data:text"):
            assert marker not in body, (item, marker)


def test_the_feed_carries_a_visits_summary_as_plain_text(client):
    make_delegation(
        title_en="Visit", summary_en="<p>We <strong>agreed</strong></p><ul><li>x</li></ul>"
    )
    feed = client.get(reverse("delegations:feed_rss")).content.decode()
    assert "We agreed" in feed
    assert "&lt;strong&gt;" not in feed and "<strong>" not in feed


def test_search_snippets_show_rich_text_without_its_tags(client):
    AidProgramme.objects.create(
        title_en="Grants",
        slug="grants",
        donor=make_organisation(),
        description_en="<p>Support for <strong>hospitals</strong> in the regions</p>",
        status="published",
    )
    page = client.get(reverse("search"), {"q": "hospitals"})
    html = page.content.decode()
    assert "hospitals" in html
    assert "&lt;strong&gt;" not in html and "&lt;p&gt;" not in html


def test_a_person_biography_is_stored_sanitised():
    person = Person.objects.create(
        name_en="A. Person", slug="a-person", biography_en='<p onclick="x()">Born <b>1970</b></p>'
    )
    assert person.biography_en == "<p>Born <b>1970</b></p>"


def test_a_published_item_shown_read_only_to_an_editor_reads_as_formatted_text(editor_client):
    meeting = make_meeting(body_en='<p>The <strong>agenda</strong></p><p onclick="x()">Next</p>')
    page = editor_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="body_en"' not in html  # read-only: no textarea
    assert "<p>The <strong>agenda</strong></p><p>Next</p>" in html
    assert "&lt;strong&gt;" not in html and "onclick" not in html


# --- the editor's toolbar in the admin's language ---------------------------------


def test_the_change_form_loads_the_javascript_catalogue_before_the_editor(editor_client):
    page = editor_client.get(reverse("admin:meetings_meeting_add")).content.decode()
    catalogue = page.index(f'src="{reverse("admin:jsi18n")}"')
    assert catalogue < page.index("admin_extra/richtext.js")


def test_the_javascript_catalogue_follows_the_admin_language_chosen(editor_client, editor):
    import json

    from commission.models import StaffPreference

    def shows(text: str) -> bool:  # the catalogue writes its strings as JSON
        page = editor_client.get(reverse("admin:jsi18n"), HTTP_ACCEPT_LANGUAGE="ru").text
        return json.dumps(text) in page

    assert shows("Полужирный") and not shows("Тоўсты")
    StaffPreference.objects.create(user=editor, language="be")
    assert shows("Тоўсты") and not shows("Полужирный")
