"""Picking a programme in the aid project form fills an empty donor at once, in Chromium.

Under the site's real Content-Security-Policy; both fields are the admin's
autocompletes (select2), driven as an editor drives them.
"""

from __future__ import annotations

import pytest

from aid.models import AidProgramme
from tests.browser.conftest import log_in
from tests.factories import make_organisation

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def strict_page(chromium):
    """A page that keeps the CSP, with its violations and script errors recorded."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, problems
    context.close()


def choose(page, field: str, text: str) -> None:
    """Pick ``text`` in the autocomplete of ``field`` as an editor does: open, type, click."""
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-results__option:has-text('{text}')")


def donor_is(page, pk: int) -> None:
    """Wait until the donor's select holds ``pk`` (a selector: the CSP forbids eval)."""
    page.wait_for_selector(f"#id_donor option[value='{pk}']:checked", state="attached")


def chosen(page, field: str) -> tuple[str, str]:
    """The field's value and what its autocomplete shows."""
    return (
        page.input_value(f"#id_{field}"),
        page.inner_text(f"#id_{field} + .select2 .select2-selection__rendered"),
    )


def test_picking_a_programme_fills_an_empty_donor_and_keeps_a_chosen_one(
    strict_page, live_server, editor
):
    page, problems = strict_page
    japan = make_organisation(name_en="Government of Japan")
    korea = make_organisation(name_en="Government of Korea", country="KR")
    grants = AidProgramme.objects.create(title_en="Grass-roots grants", slug="grants", donor=japan)
    AidProgramme.objects.create(title_en="Korean health aid", slug="korean", donor=korea)
    log_in(page, live_server, "editor")

    page.goto(f"{live_server.url}/admin/aid/aidproject/add/")
    assert page.input_value("#id_donor") == ""
    choose(page, "programme", "Grass-roots grants")
    donor_is(page, japan.pk)
    assert chosen(page, "donor") == (str(japan.pk), "Government of Japan")

    # Filled from the programme and left alone, it follows another programme.
    choose(page, "programme", "Korean health aid")
    donor_is(page, korea.pk)
    assert chosen(page, "donor") == (str(korea.pk), "Government of Korea")

    # A donor the editor chose stays, whatever the programme.
    page.goto(f"{live_server.url}/admin/aid/aidproject/add/")
    choose(page, "donor", "Government of Korea")
    donor_is(page, korea.pk)  # (chosen before the programme: on a busy machine, wait for it)
    choose(page, "programme", "Grass-roots grants")
    assert page.input_value("#id_programme") == str(grants.pk)
    page.wait_for_load_state("networkidle")
    assert chosen(page, "donor") == (str(korea.pk), "Government of Korea")
    assert problems == []
