"""The public face in Chromium at a phone's and a desktop's width: nothing scrolls
sideways, the compact menu, photos opening large, the 404 page, sorting, print."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import make_delegation, make_meeting, make_organisation, make_project
from tests.website.pages import PAGE_TEMPLATES, load_site

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

PHONE = (390, 844)
DESKTOP = (1280, 900)
LONG_WORD = "Interparliamentarycooperationagreementimplementationmonitoring"


def seed_records() -> None:
    """A few records that stress the layout: long words, many currencies and pages."""
    donor = make_organisation(
        name_en="European Bank for Reconstruction and Development", slug="ebrd", country="GB"
    )
    for number, currency in enumerate(["EUR", "USD", "JPY", "CNY"] * 3):
        make_project(
            title_en=f"Reconstruction of the regional hospital number {number} ({LONG_WORD})",
            slug=f"seeded-project-{number}",
            donor=donor,
            amount=Decimal("123456789.50") * (number + 1),
            currency=currency,
            amount_usd=Decimal("1000000") * (number + 1) if number % 2 else None,
            region="BY-MI",
            year=2025 + number % 2,
        )
    for number in range(25):
        make_meeting(
            title_en=f"Meeting {number} on {LONG_WORD}",
            slug=f"seeded-meeting-{number}",
            countries=["CN", "DE", "FR", "IN", "JP"],
            date=dt.date(2025, 1, 1) + dt.timedelta(days=number),
        )
    make_delegation(
        title_en=f"Visit on {LONG_WORD}",
        slug="seeded-visit",
        countries=["CN", "DE", "FR"],
        start_date=dt.date(2025, 9, 30),
        end_date=dt.date(2025, 10, 2),
    )


@pytest.fixture
def site(serve_media):
    load_site()
    seed_records()


PAGE_KINDS = [
    *PAGE_TEMPLATES,
    "/en/meetings/?page=2",
    "/en/meetings/2025/seeded-meeting-3/",
    "/en/aid/projects/seeded-project-1/",
    "/en/countries/CN/",
    "/ru/aid/",
    "/be/countries/",
    "/ru/no-such-page/",
]

SCROLL_WIDTH = "document.documentElement.scrollWidth"


def test_no_page_scrolls_sideways_on_a_phone_or_a_desktop(new_page, live_server, site):
    failures = []
    for viewport in (PHONE, DESKTOP):
        page = new_page(viewport)
        for url in PAGE_KINDS:
            page.goto(live_server.url + url)
            width = page.evaluate(SCROLL_WIDTH)
            if width > viewport[0]:
                failures.append(f"{viewport[0]} px {url}: {width} px wide")
    assert not failures, "\n".join(failures)


def test_chart_labels_stay_legible_on_a_phone(new_page, live_server, site):
    page = new_page(PHONE)
    page.goto(live_server.url + "/en/aid/")
    sizes = page.eval_on_selector_all(
        ".chart text", "nodes => nodes.map(n => n.getBoundingClientRect().height)"
    )
    font_sizes = page.eval_on_selector_all(
        ".chart text", "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))"
    )
    assert sizes and min(font_sizes) >= 12
    # The SVG is drawn at its own size (no viewBox scaling down the text).
    assert page.eval_on_selector(".chart svg", "svg => svg.getAttribute('viewBox')") is None
    # One chart per dimension, whatever the number of currencies.
    assert page.locator(".chart").count() == 3


def test_the_compact_menu_on_a_phone_and_the_full_menu_on_a_desktop(new_page, live_server, site):
    page = new_page(PHONE)
    page.goto(live_server.url + "/en/aid/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 140, header
    assert not page.locator(".main-nav").is_visible()
    menu_link = page.locator(".menu-nav a", has_text="Delegations")
    assert not menu_link.is_visible()
    page.click(".menu > summary")
    assert menu_link.is_visible()
    assert page.locator(".menu-nav a[aria-current]").inner_text() == "Foreign aid"
    page.fill("#menu-search-q", "hospital")
    page.click(".menu-search button")
    page.wait_for_url("**/en/search/?q=hospital")
    page.click(".menu > summary")
    page.locator(".menu-nav a", has_text="Delegations").click()
    page.wait_for_url("**/en/delegations/")

    page = new_page(DESKTOP)
    page.goto(live_server.url + "/en/")
    assert page.locator(".main-nav").is_visible()
    assert not page.locator(".menu").is_visible()
    assert page.locator("#site-search-q").is_visible()


def test_the_menu_works_without_javascript(chromium, live_server, site):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": PHONE[0], "height": PHONE[1]}
    )
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    page.click(".menu > summary")
    page.locator(".menu-nav a", has_text="Members").click()
    page.wait_for_url("**/en/members/")
    context.close()


MEETING = "/en/meetings/2026/chairman-meets-ambassador-of-japan/"


def test_a_photo_opens_large_with_caption_credit_and_download(new_page, live_server, site):
    page = new_page(PHONE)
    page.goto(live_server.url + MEETING)
    first = page.locator(".gallery .photo-open").first
    # Framed at 3:2 from the cropped variants.
    box = first.locator("img:not(.picture-placeholder)").bounding_box()
    assert abs(box["width"] / box["height"] - 1.5) < 0.02, box
    source = first.locator("picture img").evaluate("img => img.currentSrc")
    assert "-3x2-" in source, source
    largest = first.get_attribute("href")
    assert largest.endswith(".jpg") and "-3x2-" not in largest
    download = page.locator(".gallery a[download]").first
    assert download.get_attribute("href") == largest
    assert "JPEG" in download.inner_text()

    first.click()
    dialog = page.locator("#photo-dialog")
    assert dialog.is_visible()
    image = dialog.locator("img")
    loaded = "img => img.complete && img.naturalWidth > 0"
    page.wait_for_function(loaded, arg=image.element_handle())
    assert image.evaluate("img => img.naturalWidth") >= 1280
    assert "Aitzol Berasategi" in dialog.inner_text()
    assert dialog.locator("a[download]").get_attribute("href") == largest
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_a_photo_opens_large_without_javascript(chromium, live_server, site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + MEETING)
    largest = page.locator(".gallery .photo-open").first.get_attribute("href")
    response = page.request.get(live_server.url + largest)
    assert response.status == 200 and response.headers["content-type"] == "image/jpeg"
    page.locator(".gallery .photo-open").first.click()
    page.wait_for_url("**" + largest)
    context.close()


def test_the_404_page_has_the_layout_the_language_and_a_search_box(new_page, live_server, site):
    page = new_page(PHONE)
    response = page.goto(live_server.url + "/ru/no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Страница не найдена"
    assert page.locator(".site-footer").is_visible()
    page.fill("#error-search-q", "Стол")
    page.click(".error-search button")
    page.wait_for_url("**/ru/search/?q=*")


def test_the_project_table_sorts_by_amount_within_each_currency(new_page, live_server, site):
    page = new_page(DESKTOP)
    page.goto(live_server.url + "/en/aid/?donor=ebrd")
    header = page.locator("table.projects th", has_text="Amount")
    header.locator("a").click()  # a link: the server sorts the whole list
    page.wait_for_url("**/en/aid/?donor=ebrd&sort=amount")
    assert header.get_attribute("aria-sort") == "ascending"

    def amounts():
        cells = page.locator("table.projects tbody td.number").all_inner_texts()
        pairs = [cell.replace("≈", "").replace(",", "").split() for cell in cells]
        return [(currency, float(number)) for number, currency in pairs]

    assert amounts() == sorted(amounts())
    header.locator("a").click()
    page.wait_for_url("**/en/aid/?donor=ebrd&sort=-amount")
    assert header.get_attribute("aria-sort") == "descending"
    descending = amounts()
    assert descending == sorted(descending, key=lambda pair: (pair[0], -pair[1]))
    # Amounts sit right-aligned under their heading.
    heading = header.bounding_box()
    cell = page.locator("table.projects tbody td.number").first.bounding_box()
    assert abs((heading["x"] + heading["width"]) - (cell["x"] + cell["width"])) < 2


def test_print_leaves_out_menus_and_search_and_gives_the_address_and_date(
    new_page, live_server, site
):
    page = new_page(DESKTOP)
    page.goto(live_server.url + "/en/aid/?utm_source=newsletter")
    page.emulate_media(media="print")
    for selector in ("#site-search-q", ".main-nav", ".languages", ".breadcrumbs", ".filters"):
        assert not page.locator(selector).is_visible(), selector
    foot = page.locator(".print-address")
    assert foot.is_visible()
    assert f"{live_server.url}/en/aid/" in foot.inner_text()
    assert "utm_source" not in foot.inner_text()
    assert "Printed on" in foot.inner_text()
    page.emulate_media(media="screen")
    assert not foot.is_visible()


def test_the_projects_reflow_on_a_phone(new_page, live_server, site):
    page = new_page(PHONE)
    page.goto(live_server.url + "/en/aid/")
    box = page.locator(".table-scroll.reflow").first
    assert box.evaluate("box => box.scrollWidth <= box.clientWidth")
    label = page.locator("table.projects tbody td.number").first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert "Amount" in label


def test_the_new_page_states_have_no_axe_violations(new_page, live_server, site):
    from tests.browser.test_public_site import AXE, WCAG

    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm install)")
    run = (
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.help))"
    )
    failures = []
    page = new_page(PHONE)
    for url, action in (
        ("/ru/no-such-page/", None),
        ("/en/meetings/?page=2", "menu"),
        (MEETING, "photo"),
        ("/en/aid/", "sort"),
    ):
        page.goto(live_server.url + url)
        if action == "menu":
            page.click(".menu > summary")
        elif action == "photo":
            page.locator(".gallery .photo-open").first.click()
        elif action == "sort":
            page.locator("table.projects th a").first.click()
            page.wait_for_url("**/en/aid/?sort=title")
        page.add_script_tag(path=str(AXE))
        failures += [f"{url} ({action}): {v}" for v in page.evaluate(run, WCAG)]
    assert not failures, "\n".join(failures)
