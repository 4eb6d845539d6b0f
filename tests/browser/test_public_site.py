"""The public site in Chromium: no axe-core violations, the language switcher, the gallery."""

from pathlib import Path

import pytest

from tests.website.pages import PAGE_TEMPLATES, load_site

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

PAGES = PAGE_TEMPLATES


@pytest.fixture
def site(serve_media):
    load_site()  # photos are processed on commit, as in production


def test_no_page_template_has_axe_violations(new_page, live_server, site):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm install)")
    failures = []
    for viewport in ((390, 844), (1280, 900)):
        page = new_page(viewport)
        for url in PAGES:
            page.goto(live_server.url + url)
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                ".then(r => r.violations.map(v => v.id + ': ' + v.help + ' ' + "
                "v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(', ')))",
                WCAG,
            )
            failures += [f"{viewport[0]}px {url}: {violation}" for violation in violations]
    assert not failures, "\n".join(failures)


def test_the_language_switcher_stays_on_the_same_page(new_page, live_server, site):
    page = new_page()
    page.goto(live_server.url + "/en/meetings/2026/chairman-meets-ambassador-of-japan/")
    page.click("nav.languages a[hreflang=ru]")
    page.wait_for_url("**/ru/meetings/2026/chairman-meets-ambassador-of-japan/")
    assert (
        page.locator("h1").inner_text()
        == "Председатель комиссии Сергей Алейник встретился с Послом Японии"
    )
    assert page.locator("html").get_attribute("lang") == "ru"
    page.click("nav.languages a[hreflang=be]")
    page.wait_for_url("**/be/meetings/2026/chairman-meets-ambassador-of-japan/")
    assert "Сяргей Алейнік" in page.locator("h1").inner_text()


def test_the_gallery_loads_the_right_size_and_labels_sample_images(new_page, live_server, site):
    page = new_page((390, 844))
    page.goto(live_server.url + "/en/meetings/2026/chairman-meets-ambassador-of-japan/")
    images = page.locator(".gallery picture img")
    assert images.count() == 2
    first = images.nth(0)
    assert (
        first.get_attribute("loading") == "eager" and first.get_attribute("fetchpriority") == "high"
    )
    assert images.nth(1).get_attribute("loading") == "lazy"
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=first.element_handle()
    )
    # A 390 px wide phone at 2x picks a variant near 780 px, in AVIF.
    source = first.evaluate("img => img.currentSrc")
    assert source.endswith(".avif"), source
    assert page.locator(".gallery .sample-label").count() == 2
    assert "Aitzol Berasategi" in page.locator(".gallery").inner_text()


def test_the_site_works_without_javascript(chromium, live_server, site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/meetings/")
    page.select_option("#id_country", "JP")
    page.click(".filters button[type=submit]")
    assert "country=JP" in page.url
    assert "Ambassador of Japan" in page.inner_text("main")
    page.fill("#site-search-q", "hospital")
    page.click(".site-search button")
    assert "Stolin Central District Hospital" in page.inner_text("main")
    context.close()
