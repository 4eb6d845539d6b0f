"""An editor and a publisher do a day's work in a real browser."""

import re

import pytest

from backoffice.demo.loader import load_demo_content
from meetings.models import Meeting
from photos.models import Photo
from tests.browser.conftest import log_in
from tests.photos import images

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def choose_autocomplete(page, container_selector: str, text: str) -> None:
    """Pick an option in one of the admin's autocomplete (select2) widgets."""
    page.click(f"{container_selector} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-results__option:has-text('{text}')")


def test_an_editor_drafts_a_meeting_and_a_publisher_publishes_it(
    new_page, live_server, editor, publisher, serve_media, tmp_path
):
    load_demo_content()
    photo_files = []
    for name, size in (("talks.jpg", (1600, 1000)), ("handshake.jpg", (900, 1200))):
        path = tmp_path / name
        path.write_bytes(images.encode(images.upright_marker(*size), "JPEG", quality=90))
        photo_files.append(str(path))

    # The editor creates the meeting with a participant and two photos.
    page = new_page()
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    page.select_option("#id_kind", "sitting")
    page.fill("#id_date", "2026-02-10")
    page.fill("#id_title_en", "Sitting on healthcare cooperation")
    page.locator("[role=tab]").nth(1).click()  # the Russian tab
    page.fill("#id_title_ru", "Заседание о сотрудничестве в здравоохранении")
    page.click("#participant_set-group .add-row a")
    choose_autocomplete(page, "#participant_set-0 .field-person", "Sergei Aleinik")
    page.set_input_files("#id_upload_photos", photo_files)
    page.fill("#id_upload_photos_alt_0", "Members of the commission at the sitting")
    page.fill("#id_upload_photos_alt_1", "The chairman greets the guests")
    page.click("button[name=_action][value=draft]")
    page.wait_for_selector(".messagelist .success")

    meeting = Meeting.objects.get(slug="sitting-on-healthcare-cooperation")
    assert meeting.status == "draft"
    assert [p.person.slug for p in meeting.participant_set.all()] == ["sergei-aleinik"]
    assert meeting.gallery.count() == 2
    assert set(
        Photo.objects.filter(meetingphoto__meeting=meeting).values_list("status", flat=True)
    ) == {"ready"}

    # The draft is not public, but the editor can preview it.
    public_url = f"{live_server.url}/en/meetings/2026/{meeting.slug}/"
    assert page.goto(public_url).status == 404
    page.goto(f"{live_server.url}/admin/meetings/meeting/{meeting.pk}/change/")
    preview_href = page.get_attribute("a.viewsitelink", "href")
    assert "/preview/" in preview_href
    page.goto(live_server.url + preview_href if preview_href.startswith("/") else preview_href)
    assert "Preview: this item is not published" in page.inner_text("main")
    assert page.locator("h1").inner_text() == "Sitting on healthcare cooperation"

    # The publisher publishes it from the list.
    publisher_page = new_page()
    log_in(publisher_page, live_server, "publisher")
    publisher_page.goto(f"{live_server.url}/admin/meetings/meeting/?status__exact=draft")
    publisher_page.check(f"input[name=_selected_action][value='{meeting.pk}']")
    publisher_page.select_option("select[name=action]", "publish_selected")
    publisher_page.click("button[name=index]")
    publisher_page.wait_for_selector(".messagelist .success")
    meeting.refresh_from_db()
    assert meeting.status == "published"

    # Anyone now sees it on its public page, with its photos loaded.
    visitor = new_page((390, 844))
    response = visitor.goto(public_url)
    assert response.status == 200
    assert visitor.locator("h1").inner_text() == "Sitting on healthcare cooperation"
    figures = visitor.locator(".gallery picture img")
    assert figures.count() == 2
    for index in range(2):
        image = figures.nth(index)
        image.scroll_into_view_if_needed()
        visitor.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        source = image.evaluate("img => img.currentSrc")
        assert re.search(r"/media/photos/\w\w/\w+(-\d+x\d+-\d+)?-\d+w\.(avif|webp|jpg)$", source), (
            source
        )
    assert visitor.locator(".gallery img[loading=eager]").count() == 1
