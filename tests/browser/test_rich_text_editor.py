"""The rich text editor in the admin, in Chromium, under the site's real Content-Security-Policy."""

import re

import pytest

from meetings.models import Meeting
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

WORD_PASTE = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal'
    "{margin:0}</style></head><body><!--StartFragment-->"
    '<p class="MsoNormal" style="mso-margin-top-alt:auto"><b><span style="font-size:14pt">'
    "Agreed</span></b><o:p></o:p></p>"
    '<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1">'
    '<span style="font-family:Symbol">·</span> healthcare</p>'
    '<p class="MsoNormal"><a href="javascript:alert(1)">bad link</a> '
    '<span onclick="alert(1)" style="color:red">red text</span></p>'
    "<!--EndFragment--></body></html>"
)


def test_an_editor_writes_formatted_text_and_pastes_from_word_under_a_strict_csp(
    chromium, live_server, editor
):
    # A context that keeps the page's CSP (the shared fixture bypasses it for axe-core).
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    try:
        log_in(page, live_server, "editor")
        page.goto(f"{live_server.url}/admin/meetings/meeting/add/")
        page.fill("#id_title_en", "Sitting on healthcare")
        page.select_option("#id_kind", "sitting")
        page.fill("#id_date", "2026-02-10")

        editor_box = page.locator(".prose-editor").filter(has=page.locator("#id_body_en"))
        content = editor_box.locator(".tiptap[contenteditable=true]")
        content.wait_for()
        assert editor_box.locator(".prose-menubar").count() == 1  # the toolbar is there
        content.click()
        page.keyboard.type("The chairman opened the sitting. ")
        page.keyboard.press("Control+b")
        page.keyboard.type("Healthcare")
        page.keyboard.press("Control+b")
        page.keyboard.type(" came first.")
        page.keyboard.press("Enter")
        before_paste = list(violations)
        # Pasting what Word puts on the clipboard.
        content.evaluate(
            """(element, html) => {
                const data = new DataTransfer();
                data.setData("text/html", html);
                data.setData("text/plain", "Agreed healthcare bad link red text");
                element.dispatchEvent(new ClipboardEvent("paste", {
                    clipboardData: data, bubbles: true, cancelable: true,
                }));
            }""",
            WORD_PASTE,
        )
        page.locator("button[name=_action][value=draft]").first.click()
        page.wait_for_selector(".messagelist .success")
    finally:
        context.close()

    meeting = Meeting.objects.get()
    body = meeting.body_en
    assert body.startswith("<p>The chairman opened the sitting.")
    assert re.search(r"<strong>\s*Healthcare</strong>", body)
    # Word's bold heading stays bold; its styles, classes and list symbols' fonts go.
    assert "<p><strong>Agreed</strong></p>" in body
    assert "healthcare</p>" in body and "<p>bad link red text</p>" in body
    for marker in ("mso-", "class=", "style", "javascript:", "onclick", "<span", "o:p", "<!--"):
        assert marker not in body, (marker, body)
    # Editing raises no CSP violation and no script error. While the browser
    # reads the pasted Word markup, the CSP refuses its style attributes and
    # the hostile onclick (dropped from the text anyway): nothing else.
    assert before_paste == [], before_paste
    refused = ("Applying inline style", "Executing inline event handler")
    assert all(v.startswith(refused) for v in violations), {v[:90] for v in violations}
