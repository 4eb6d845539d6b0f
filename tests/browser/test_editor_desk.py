"""The editor's desk in a real browser under the site's strict CSP (no bypass).

An editor drafts a meeting with rich text and two real photos, each with its
own alt text, and previews it; a publisher publishes it from the preview
banner; an editor reorders the participants; a form error keeps the chosen
photos; the calendar is used from the keyboard.
With ADMIN_SCREENSHOTS=folder the steps are also photographed (docs/screenshots).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from commission.models import StaffPreference
from meetings.models import Meeting, Participant
from tests.browser.conftest import log_in
from tests.factories import make_delegation, make_meeting, make_person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

DEMO_PHOTOS = sorted(
    str(path)
    for path in (Path(__file__).resolve().parents[2] / "backoffice" / "demo" / "photos").glob(
        "*.jpg"
    )
)


@pytest.fixture
def strict_page(chromium):
    """A 1280 px page that obeys the Content-Security-Policy and records violations."""
    contexts, problems = [], []

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        # Saving with two photos makes their variants in the request (tests run
        # tasks at once): slow on a loaded machine.
        context.set_default_timeout(90_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                problems.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        return page

    yield open_page, problems
    for context in contexts:
        context.close()


def shoot(page, name: str, full_page: bool = False) -> None:
    folder = os.environ.get("ADMIN_SCREENSHOTS")
    if not folder:
        return
    from io import BytesIO

    from PIL import Image

    Path(folder).mkdir(parents=True, exist_ok=True)
    image = Image.open(BytesIO(page.screenshot(full_page=full_page))).convert("RGB")
    image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)
    image.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
        Path(folder) / f"{name}.png", optimize=True
    )


def test_an_editor_drafts_with_two_described_photos_previews_and_a_publisher_publishes(
    strict_page, live_server, editor, publisher, serve_media
):
    open_page, problems = strict_page
    page = open_page()
    log_in(page, live_server, "editor")
    shoot(page, "admin-home")
    page.click("a:has-text('New meeting')")

    # Title first, languages as tabs with a completeness mark.
    first_field = page.locator("#meeting_form input[type=text]:visible").first
    assert first_field.get_attribute("name") == "title_en"
    page.wait_for_selector("[role=tab]")  # the tabs are made by a script once the page is read
    tabs = page.locator("[role=tab]")
    assert tabs.count() == 3
    assert tabs.nth(1).get_attribute("aria-selected") == "false"
    page.fill("#id_title_en", "Sitting on healthcare cooperation")
    tabs.nth(1).click()
    page.fill("#id_title_ru", "Заседание о сотрудничестве в здравоохранении")
    assert "!" not in tabs.nth(1).inner_text()
    assert "!" in tabs.nth(2).inner_text()  # Belarusian title still missing
    shoot(page, "meeting-form-top")
    tabs.nth(0).click()
    page.select_option("#id_kind", "sitting")
    page.fill("#id_date", "2026-02-10")

    # The full text as rich text: a paragraph with a bold word.
    body = page.locator(".prose-editor").filter(has=page.locator("#id_body_en"))
    content = body.locator(".tiptap[contenteditable=true]")
    content.click()
    page.keyboard.type("The commission heard the ")
    page.keyboard.press("Control+b")
    page.keyboard.type("Minister of Health")
    page.keyboard.press("Control+b")
    page.keyboard.type(".")

    # Two photos, each with its own alt text and caption.
    page.set_input_files("#id_upload_photos", DEMO_PHOTOS[:2])
    page.fill("#id_upload_photos_alt_0", "Members of the commission at the sitting")
    page.fill("#id_upload_photos_caption_0", "The sitting opens")
    page.fill("#id_upload_photos_alt_1", "The chairman greets the ambassador")
    page.locator(".new-photo img[src^='data:']").nth(1).wait_for()
    page.locator("#id_upload_photos").scroll_into_view_if_needed()
    shoot(page, "meeting-photos")

    # The editor has no Publish button; saving a draft stays on the form.
    assert page.locator("button[name=_action][value=publish]").count() == 0
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".messagelist .success")
    meeting = Meeting.objects.get(slug="sitting-on-healthcare-cooperation")
    assert meeting.status == "draft"
    photos = [item.photo for item in meeting.gallery.select_related("photo")]
    assert [p.alt_text for p in photos] == [
        "Members of the commission at the sitting",
        "The chairman greets the ambassador",
    ]
    assert [p.caption for p in photos] == ["The sitting opens", ""]
    stored = r"<p>The commission heard the\s*<strong>\s*Minister of Health</strong>\.</p>"
    assert re.fullmatch(stored, meeting.body_en), meeting.body_en

    # Preview: a banner back to the form, and no Publish for an editor.
    page.locator("button[name=_action][value=preview]").first.click()
    page.wait_for_selector(".preview-banner")
    assert page.locator("h1").inner_text() == "Sitting on healthcare cooperation"
    assert page.locator(".preview-publish").count() == 0
    page.click("a.preview-back")
    page.wait_for_selector("#meeting_form")

    # The publisher previews and publishes from the banner.
    other = open_page()
    log_in(other, live_server, "publisher")
    other.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    other.locator("button[name=_action][value=preview]").first.click()
    other.wait_for_selector(".preview-publish")
    shoot(other, "preview-banner")
    other.click(".preview-publish")
    other.wait_for_selector(".messagelist .success")
    meeting.refresh_from_db()
    assert meeting.status == "published"
    assert other.goto(f"{live_server.url}/en/meetings/2026/{meeting.slug}/").status == 200
    assert problems == []


def test_an_editor_reorders_the_participants_with_the_buttons(strict_page, live_server, editor):
    open_page, problems = strict_page
    meeting = make_meeting(title_en="Talks on trade", status="draft")
    first = make_person(name_en="Anna First", slug="anna-first")
    second = make_person(name_en="Boris Second", slug="boris-second")
    Participant.objects.create(meeting=meeting, person=first, side="commission", position=0)
    Participant.objects.create(meeting=meeting, person=second, side="commission", position=1)
    page = open_page()
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    row = page.locator("tr.form-row").filter(has_text="Anna First")
    row.locator("button.sortable-handle").filter(has_text="↓").click()
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".messagelist .success")
    order = list(
        meeting.participant_set.order_by("position").values_list("person__slug", flat=True)
    )
    assert order == ["boris-second", "anna-first"]
    assert problems == []


def test_a_form_error_keeps_the_chosen_photos(strict_page, live_server, editor):
    open_page, problems = strict_page
    page = open_page()
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    page.fill("#id_date", "2026-02-10")  # the English title is left empty
    page.set_input_files("#id_upload_photos", DEMO_PHOTOS[:2])
    page.fill("#id_upload_photos_alt_0", "The delegations at the table")
    page.fill("#id_upload_photos_alt_1", "The chairman and the ambassador")
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".errornote")

    kept = page.locator(".pending-photo")
    assert kept.count() == 2
    assert page.input_value("#pending_photos_alt_0") == "The delegations at the table"
    assert page.input_value("#pending_photos_alt_1") == "The chairman and the ambassador"
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pending-photo-preview')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    shoot(page, "photos-kept-after-an-error")
    page.fill("#id_title_en", "Talks kept with their photos")
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".messagelist .success")
    meeting = Meeting.objects.get(title_en="Talks kept with their photos")
    assert meeting.gallery.count() == 2
    assert problems == []


def test_the_calendar_month_agenda_and_a_new_meeting_on_a_day(strict_page, live_server, editor):
    import datetime as dt

    make_meeting(title_en="Talks with Japan", date=dt.date(2026, 2, 10), status="draft")
    make_delegation(
        title_en="Visit to Vietnam", start_date=dt.date(2026, 2, 16), end_date=dt.date(2026, 2, 18)
    )
    open_page, problems = strict_page
    page = open_page()
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/calendar/?month=2026-02")
    assert page.locator("h2#calendar-month").inner_text() == "February 2026"
    grid = page.locator("table.calendar-grid")
    assert grid.locator("a:has-text('Talks with Japan')").count() == 1
    assert grid.locator("a:has-text('Visit to Vietnam')").count() == 3
    shoot(page, "calendar")

    # From the keyboard: next month and back, then a new meeting on 12 February.
    page.locator("a[rel=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**month=2026-03**")
    page.locator("a[rel=prev]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**month=2026-02**")
    add = page.locator("a.calendar-add[href$='date=2026-02-12']")
    add.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#meeting_form")
    assert page.input_value("#id_date") == "2026-02-12"

    page.goto(f"{live_server.url}/admin/calendar/?month=2026-02&view=agenda")
    items = page.locator(".calendar-agenda h3")
    assert items.count() == 2
    assert "Talks with Japan" in page.locator(".calendar-agenda").inner_text()

    # In Belarusian.
    StaffPreference.objects.update_or_create(user=editor, defaults={"language": "be"})
    page.goto(f"{live_server.url}/admin/calendar/?month=2026-02")
    assert page.locator("h2#calendar-month").inner_text() == "Люты 2026"
    assert problems == []
