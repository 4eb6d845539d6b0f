"""The public face without a browser: identity from settings, breadcrumbs, error
pages in production, filter wording, page numbers, documents, cropped photos."""

import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from delegations.models import DelegationDocument
from meetings.views import MeetingArchiveView
from photos.models import Photo
from photos.processing import crop_box, render_variants
from photos.services import photo_create, save_photo
from tests.core.documents import pdf_bytes
from tests.factories import make_delegation, make_meeting, make_project

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_the_footer_shows_only_the_identity_settings_that_are_set(client, settings):
    page = text(client.get("/en/about/"))
    assert "Press contact" not in page and "Accessibility statement" not in page
    assert "©" not in page and "<address" not in page
    assert 'class="logo"' not in page
    assert 'href="https://www.sovrep.gov.by/"' in page  # the Council of the Republic

    settings.SITE_LOGO = "icons/favicon.svg"
    settings.SITE_ADDRESS = "8 Krasnoarmeyskaya Street\nMinsk"
    settings.SITE_ADDRESS_RU = "ул. Красноармейская, 8\nМинск"
    settings.SITE_PRESS_EMAIL = "press@example.org"
    settings.SITE_ACCESSIBILITY_URL = "https://example.org/accessibility/"
    settings.SITE_COPYRIGHT = "Council of the Republic"
    cache.clear()  # the page cache holds the page made without them
    page = text(client.get("/en/about/"))
    assert '<img class="logo" src="/static/icons/favicon.svg" alt=""' in page
    assert "8 Krasnoarmeyskaya Street<br>Minsk" in page
    assert 'href="mailto:press@example.org"' in page
    assert 'href="https://example.org/accessibility/">Accessibility statement' in page
    assert f"© {dt.date.today().year} Council of the Republic" in page
    # A text given for the page's language wins; the others fall back.
    page = text(client.get("/ru/about/"))
    assert "ул. Красноармейская, 8<br>Минск" in page
    assert "Council of the Republic</p>" in page


@pytest.mark.parametrize(
    ("url", "crumbs"),
    [
        ("/en/meetings/", ["Home", "Meetings"]),
        ("/en/meetings/2026/", ["Home", "Meetings", "2026"]),
        ("/en/aid/", ["Home", "Foreign aid"]),
        ("/en/countries/JP/", ["Home", "Countries", "Japan"]),
        ("/en/members/", ["Home", "Members"]),
    ],
)
def test_inner_pages_have_breadcrumbs_and_the_home_page_none(client, url, crumbs):
    import re

    make_meeting(date=dt.date(2026, 2, 1))
    page = text(client.get(url))
    trail = page.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    items = re.findall(r"<li[^>]*>(.*?)</li>", trail, re.S)
    assert [re.sub(r"<[^>]+>", "", item).strip() for item in items] == crumbs
    assert 'aria-current="page">' + crumbs[-1] in trail
    assert 'class="breadcrumbs' not in text(client.get("/en/"))


def test_a_meeting_page_has_its_year_and_title_in_the_breadcrumbs(client):
    meeting = make_meeting(title_en="Talks with Japan", date=dt.date(2025, 5, 4))
    page = text(client.get(meeting.get_absolute_url()))
    trail = page.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert 'href="/en/meetings/2025/">2025</a>' in trail
    assert 'aria-current="page">Talks with Japan</li>' in trail


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_the_404_page_in_production_has_the_layout_and_a_search_box(client, production):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    page = text(response)
    assert '<html lang="ru">' in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert 'id="error-search-q"' in page and 'action="/ru/search/"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Not Found" not in page


def test_a_bug_gets_the_500_page_with_the_layout_in_the_pages_language(production, monkeypatch):
    from website import views

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views.AboutView, "get", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/be/about/")
    assert response.status_code == 500
    page = text(response)
    assert '<html lang="be">' in page
    assert 'id="error-search-q"' in page and 'action="/be/search/"' in page
    assert "a bug" not in page and "Traceback" not in page


def test_the_500_page_falls_back_to_plain_html_if_the_layout_fails(rf, monkeypatch):
    from core import errors

    def failing(*args, **kwargs):
        raise RuntimeError("template broken")

    monkeypatch.setattr(errors, "render", failing)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = errors.server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content


def test_filter_choices_say_all_and_never_dashes(client):
    make_meeting(countries=["JP"])
    page = text(client.get("/en/meetings/"))
    for label in ("All countries", "All kinds", "All people", "All topics"):
        assert f'<option value="" selected>{label}</option>' in page
    assert "---------" not in page
    page = text(client.get("/en/aid/"))
    for label in ("All donors", "All programmes", "All regions", "All sectors", "All statuses"):
        assert f">{label}</option>" in page
    assert "Both directions" in text(client.get("/en/delegations/"))


def test_lists_have_page_numbers_that_keep_the_filters(client):
    pages = 12
    for number in range(MeetingArchiveView.paginate_by * pages):
        make_meeting(slug=f"m-{number}", kind="bilateral", date=dt.date(2020, 1, 1))
    page = text(client.get("/en/meetings/?kind=bilateral&page=6"))
    nav = page.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert 'href="?kind=bilateral&amp;page=6" aria-current="page"' in nav
    for number in (1, 4, 5, 7, 8, pages):
        assert f'href="?kind=bilateral&amp;page={number}"' in nav, number
    for number in (2, 3, 9, 10, 11):  # left out: 1 … 4 5 [6] 7 8 … 12
        assert f'href="?kind=bilateral&amp;page={number}"' not in nav, number
    assert nav.count("…") == 2
    assert 'rel="prev"' in nav and 'rel="next"' in nav


def test_home_and_country_pages_hide_empty_sections(client):
    page = text(client.get("/en/"))
    assert "Latest meetings" not in page and "Foreign aid projects" not in page
    assert "<dd>0</dd>" not in page
    assert "Nothing has been published yet." in page
    make_delegation(title_en="Visit to Tokyo", countries=["JP"])
    page = text(client.get("/en/"))
    assert "Visit to Tokyo" in page and "Latest meetings" not in page
    assert "<dd>1</dd>" in page and "<dd>0</dd>" not in page
    page = text(client.get("/en/countries/JP/"))
    assert "Visit to Tokyo" in page
    assert "country-meetings" not in page and "country-projects" not in page
    assert "(0)" not in page


def test_document_links_show_type_and_size(client):
    delegation = make_delegation(title_en="Visit to Tokyo")
    document = DelegationDocument(delegation=delegation, title="Joint statement")
    document.file.save("statement.pdf", ContentFile(pdf_bytes(), name="statement.pdf"))
    DelegationDocument.objects.create(
        delegation=delegation, title="Agenda", url="https://example.org/agenda"
    )
    page = text(client.get(delegation.get_absolute_url()))
    size = len(pdf_bytes())
    assert 'Joint statement</a> <span class="file-facts">(PDF, ' in page
    assert f"{size} bytes" in page or "KB)" in page
    assert "(link to example.org)" in page


def test_a_crop_is_centred_on_the_focal_point_within_the_edges():
    assert crop_box(3000, 2000, (3, 2), (0.5, 0.5)) == (0, 0, 3000, 2000)
    # A portrait: the 3:2 band around the focal point, kept inside the photo.
    assert crop_box(2000, 3000, (3, 2), (0.5, 0.2)) == (0, 0, 2000, 1333)
    assert crop_box(2000, 3000, (3, 2), (0.5, 0.5)) == (0, 834, 2000, 2167)
    assert crop_box(2000, 3000, (3, 2), (0.5, 1.0)) == (0, 1667, 2000, 3000)
    # A panorama: the focal point's side.
    assert crop_box(6000, 1000, (3, 2), (0.8, 0.5)) == (4050, 0, 5550, 1000)


def _portrait_with_a_red_top() -> bytes:
    image = Image.new("RGB", (600, 1200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 600, 300))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def test_cropped_variants_show_the_focal_point_and_have_the_frames_shape():
    result = render_variants(
        io.BytesIO(_portrait_with_a_red_top()), crops=("3x2",), focal=(0.5, 0.1)
    )
    cropped = [v for v in result.variants if v.crop == "3x2"]
    assert {(v.format, v.width, v.height) for v in cropped} == {
        (f, 480, 320) for f in ("avif", "webp", "jpeg")
    } | {(f, 600, 400) for f in ("avif", "webp", "jpeg")}
    jpeg = next(v for v in cropped if v.format == "jpeg" and v.width == 600)
    top = Image.open(io.BytesIO(jpeg.data)).convert("RGB").getpixel((300, 100))
    assert top[0] > 200 and top[2] < 60  # the red top is in the frame
    # The whole photo is still there, uncropped.
    assert any(v.crop == "" and v.height == 1200 for v in result.variants)


def test_moving_the_focal_point_remakes_the_crops_under_new_names(
    django_capture_on_commit_callbacks,
):
    upload = SimpleUploadedFile("p.jpg", _portrait_with_a_red_top(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        photo = photo_create(file=upload, alt_text="A portrait")
    photo.refresh_from_db()
    before = {v["name"] for v in photo.variants if v.get("crop")}
    whole = {v["name"] for v in photo.variants if not v.get("crop")}
    assert before and all("-3x2-050050-" in name for name in before)

    photo = Photo.objects.get(pk=photo.pk)
    photo.caption = "No change to the frame"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        save_photo(photo)
    assert callbacks == []

    photo.focal_y = 0.1
    with django_capture_on_commit_callbacks(execute=True):
        save_photo(photo)
    photo.refresh_from_db()
    after = {v["name"] for v in photo.variants if v.get("crop")}
    assert after and all("-3x2-050010-" in name for name in after)
    assert {v["name"] for v in photo.variants if not v.get("crop")} == whole
    from django.core.files.storage import default_storage

    assert not any(default_storage.exists(name) for name in before)
    assert all(default_storage.exists(name) for name in after)


def test_the_aid_project_table_amounts_have_the_totals_precision(client):
    from decimal import Decimal

    make_project(title_en="Grant", amount=Decimal("1234.56"), currency="EUR")
    page = text(client.get("/en/aid/"))
    assert "1,235 EUR" in page and "1,234.56" not in page
    assert '<th scope="col" class="number"><a class="sort-link" href="?sort=amount">Amount' in page
