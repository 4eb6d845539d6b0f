"""An editor works in the admin in Russian, then in Belarusian, and meets no English.

Chromium walks the pages a member of the secretariat uses every day: the
front page, a list, the add form sent with an error (with the rich text
editor's toolbar, its paragraph styles and its link dialog), an action with
its confirmation, and the annual-report page. Every word in Latin letters the
page shows (text, button labels, options, placeholders, tooltips and
accessible names) must be a proper name, a code or data from the allow-list
below.
"""

from __future__ import annotations

import re

import pytest

from backoffice.demo.loader import load_demo_content
from meetings.models import Meeting
from tests.browser.conftest import log_in
from tests.factories import make_meeting

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

#: Latin-letter words that are not interface text: formats, codes, currencies,
#: the language switcher's own names, the command line, user names and data.
ALLOWED = {
    # file formats and standards
    "xlsx", "docx", "csv", "json", "zip", "pdf", "xls", "html", "xml", "iati", "utf",
    "jpeg", "png", "webp", "avif", "gif", "heic", "heif", "ods", "odt", "odp", "pptx",
    "rss", "atom", "icalendar", "iso", "id", "url", "www", "http", "https",
    # currencies and language codes
    "usd", "eur", "jpy", "byn", "rub", "cny", "gbp", "chf", "krw", "pln", "sek", "kzt",
    "try", "inr", "en", "ru", "be",
    # the language switcher names each language in itself
    "english",
    # the annual report's command line
    "python", "manage", "py", "annual", "report", "annual_report", "year", "format",
    "output", "path", "language", "include", "drafts", "include-drafts", "xlsx|docx|csv|json",
    "en|ru|be",
    # a proper name, in the note on ordering rows without script
    "javascript",
    # key names in Django's help for multiple choices ("Control", "Command" on a Mac)
    "control", "command", "mac",
    # the logged-in user
    "editor",
    # the annual report's file kinds, named by their programs
    "word", "excel",
}  # fmt: skip

VISIBLE_TEXT = """() => {
    const shown = (el) => el.offsetParent !== null;
    const parts = [document.title];
    // Tooltips and accessible names: the rich text editor's toolbar buttons,
    // icons without words, are read by their title and aria-label.
    for (const el of document.querySelectorAll('[title], [aria-label]')) {
        if (shown(el)) parts.push(el.title || '', el.getAttribute('aria-label') || '');
    }
    // An icon's text is its name in the icon font ("format_bold"), drawn as a
    // picture and never read: it is hidden while the page's text is taken.
    const icons = [...document.querySelectorAll('.material-icons')].filter(shown);
    for (const el of icons) el.style.visibility = 'hidden';
    const controls = 'input[type=submit], input[type=button], button';
    for (const el of document.querySelectorAll(controls)) {
        if (shown(el)) parts.push(el.tagName === 'BUTTON' ? el.innerText : el.value);
    }
    for (const el of document.querySelectorAll('[placeholder]')) {
        if (shown(el)) parts.push(el.placeholder);
    }
    parts.push(document.body.innerText);
    for (const el of icons) el.style.visibility = '';
    return parts.join('\\n');
}"""

#: The bold button's tooltip, from the admin's JavaScript catalogue (djangojs).
BOLD = {"ru": "Полужирный", "be": "Тоўсты"}

WORD = re.compile(r"[A-Za-z][A-Za-z_|\-]*[A-Za-z]|[A-Za-z]")


def visible_text(page) -> str:
    """What the reader sees: the page's rendered text, control labels and option texts."""
    return page.evaluate(VISIBLE_TEXT)


def english_words(page, data: set[str]) -> set[str]:
    text = visible_text(page)
    words = {word.lower() for word in WORD.findall(text)}
    return {word for word in words if word not in ALLOWED and word not in data}


def data_words() -> set[str]:
    """Latin words of the content itself (proper names, English text of untranslated items)."""
    words: set[str] = set()
    for meeting in Meeting.objects.all():
        for value in (meeting.title_en, meeting.slug, meeting.place_en, meeting.source_url):
            words.update(word.lower() for word in WORD.findall(value or ""))
    return words


@pytest.mark.parametrize("language", ["ru", "be"])
def test_an_editor_sees_no_english_in_the_admin(new_page, live_server, editor, language):
    load_demo_content()
    draft = make_meeting(
        title_en="Draft to remove",
        title_ru="Черновик для удаления",
        title_be="Чарнавік для выдалення",
        status="draft",
    )
    data = data_words()
    page = new_page()
    page.set_extra_http_headers({"Accept-Language": f"{language},en;q=0.5"})
    log_in(page, live_server, "editor")
    found: dict[str, set[str]] = {}

    def check(name: str) -> None:
        assert page.get_attribute("html", "lang") == language
        words = english_words(page, data)
        if words:
            found[name] = words

    check("front page")

    page.goto(f"{live_server.url}/admin/meetings/meeting/")
    check("meeting list")

    # The add form, sent without a title: the errors are in the language too.
    page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".errornote")
    check("add form with an error")

    # The rich text editor's toolbar is read by its tooltips (checked with the
    # form above), then its paragraph styles and its link dialog are opened.
    toolbar = page.locator(".prose-menubar:visible").first
    bold = toolbar.locator("button[data-name=bold]")
    assert bold.get_attribute("title") == bold.get_attribute("aria-label") == BOLD[language]
    assert BOLD[language] in visible_text(page)
    toolbar.locator(".prose-menubar__selected").click()
    page.wait_for_selector(".prose-menubar__picker:popover-open")
    check("paragraph styles")
    page.keyboard.press("Escape")
    page.locator(".prose-editor:visible .tiptap[contenteditable=true]").first.click()
    page.keyboard.type("## Минск")  # a heading, by the editor's shortcut
    page.keyboard.press("Enter")
    page.keyboard.type("Брест")
    page.keyboard.press("Control+a")  # two styles: the style menu shows a question mark
    assert toolbar.locator(".prose-menubar__selected [aria-label]").inner_text() == "question_mark"
    check("text of two styles selected")
    toolbar.locator("button[data-name=link]").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.wait_for()
    check("link dialog")
    dialog.locator("button[value=cancel]").click()

    # An action: delete the selected draft, with its confirmation page.
    page.goto(f"{live_server.url}/admin/meetings/meeting/?status__exact=draft")
    page.check(f"input[name=_selected_action][value='{draft.pk}']")
    page.select_option("select[name=action]", "delete_selected")
    page.click("button[name=index]")
    page.wait_for_selector("form input[type=submit]")
    check("delete confirmation")
    page.click("form input[type=submit]")
    page.wait_for_selector(".messagelist .success")
    check("list after the action")
    assert not Meeting.objects.filter(pk=draft.pk).exists()

    page.goto(f"{live_server.url}/admin/annual-report/")
    check("annual report")

    assert not found, f"English on the {language} admin pages: {found}"
