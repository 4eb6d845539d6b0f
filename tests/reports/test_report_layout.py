"""The annual report's files as the chairman gets them: read back and checked.

Page size, orientation, repeated headers, page numbers, document properties,
print settings and charts are asserted in the files themselves (python-docx,
openpyxl and the XML parts they leave out).
"""

import datetime as dt
import io
import os
import re
import zipfile

import pytest
from django.conf import settings
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from reports import word
from reports.data import AnnualReport
from reports.writers import write
from tests.factories import make_delegation, make_meeting, make_project

pytestmark = pytest.mark.django_db

A4_PORTRAIT_MM = (210, 297)


def made(file_format: str, language: str = "en", year: int = 2026) -> bytes:
    output = io.BytesIO()
    write(AnnualReport(year, language=language), file_format, output)
    return output.getvalue()


@pytest.fixture
def year_2026():
    make_meeting(title_en="Talks with China", countries=["CN"], kind="video")
    make_meeting(title_en="Sitting on Japan", countries=["JP"], date=dt.date(2026, 10, 12))
    make_meeting(title_en="Second talks with China", countries=["CN"], kind="video")
    make_delegation(
        title_en="Visit to Tokyo",
        direction="outgoing",
        countries=["JP"],
        outcomes_en="<h2>Agreed</h2><ul><li>A <strong>joint</strong> working group</li>"
        "<li>An exchange of <em>students</em></li></ul><p>Next visit in 2027.</p>",
    )
    make_delegation(title_en="Visit from Beijing", direction="incoming", countries=["CN"])
    make_project(title_en="Hospital equipment", year=2026, amount=1234567, currency="EUR")


def page_size_mm(section) -> tuple[int, int]:
    return round(section.page_width.mm), round(section.page_height.mm)


# --- Word -------------------------------------------------------------------------


def test_every_page_of_the_word_report_is_a4(year_2026):
    document = Document(io.BytesIO(made("docx")))
    assert len(document.sections) >= 5  # title and overview, three entities, annex
    for section in document.sections:
        width, height = page_size_mm(section)
        assert (min(width, height), max(width, height)) == A4_PORTRAIT_MM
        landscape = width > height
        assert (section.orientation == 1) == landscape


def test_a_table_too_wide_for_a_portrait_page_turns_its_section_to_landscape(year_2026):
    # A title of one 60-letter word: its column alone would not leave room for the rest.
    make_project(title_en="Modernisation" * 5, year=2026)
    document = Document(io.BytesIO(made("docx")))
    # Sections: title page and overview, meetings, delegations, aid projects, annex.
    assert page_size_mm(document.sections[3]) == (297, 210)
    assert page_size_mm(document.sections[4]) == A4_PORTRAIT_MM
    meetings_section = document.sections[1]
    assert page_size_mm(meetings_section) == A4_PORTRAIT_MM


def test_table_headers_repeat_on_each_page_and_rows_never_split(year_2026):
    document = Document(io.BytesIO(made("docx")))
    assert len(document.tables) == 4  # meetings, delegations, projects, totals
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    for table in document.tables[:3]:
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert row._tr.trPr.find(qn("w:tblHeader")) is None


def test_columns_are_fitted_so_that_no_word_is_broken(year_2026):
    make_meeting(title_en="Interparliamentary cooperation", countries=["DE"])
    document = Document(io.BytesIO(made("docx", "be")))
    for number, table in enumerate(document.tables[:3]):
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        widths = [
            int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))
        ]
        assert len(set(widths)) > 1  # fitted, not equal shares
        section = document.sections[1 + number]
        assert sum(widths) <= word.Mm(word.usable_width_mm(section)).twips + len(widths)
        for index, width in enumerate(widths):
            texts = [row.cells[index].text for row in table.rows]
            longest = max(len(w) for text in texts for w in text.split() or [""])
            needed = word.Mm(longest * word.CHAR_MM + word.CELL_PADDING_MM).twips
            assert width >= needed - 1, (texts[0], width, needed)


def test_the_footer_numbers_the_pages_but_not_the_title_page(year_2026):
    document = Document(io.BytesIO(made("docx")))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer_xml = section.footer._element.xml
    assert re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", footer_xml)
    assert 'fldCharType="begin"' in footer_xml and 'fldCharType="end"' in footer_xml
    assert "PAGE" not in section.first_page_footer._element.xml
    # Later sections carry on with the same footer, on their first pages too.
    for later in document.sections[1:]:
        assert later.footer.is_linked_to_previous
        assert not later.different_first_page_header_footer


def test_the_title_page_names_the_commission_and_the_year(year_2026):
    document = Document(io.BytesIO(made("docx", "ru")))
    with translation.override("ru"):
        commission = str(settings.SITE_NAME)
    title_page = []
    for paragraph in document.paragraphs:
        title_page.append(paragraph.text)
        if 'w:br w:type="page"' in paragraph._p.xml:
            break
    text = "\n".join(title_page)
    assert commission in text
    assert "2026" in text
    assert "Overview" not in text and "Обзор" not in text  # the overview starts on page 2


def test_the_word_report_writes_dates_and_amounts_in_its_language(year_2026):
    document = Document(io.BytesIO(made("docx", "be")))
    meetings_dates = [row.cells[0].text for row in document.tables[0].rows[1:]]
    assert "12 кастрычніка 2026 г." in meetings_dates
    amounts = [row.cells[4].text for row in document.tables[2].rows[1:]]
    assert "1\xa0234\xa0567,00" in amounts
    english = Document(io.BytesIO(made("docx", "en")))
    assert "12 October 2026" in [row.cells[0].text for row in english.tables[0].rows[1:]]
    assert "1,234,567.00" in [row.cells[4].text for row in english.tables[2].rows[1:]]


def test_notes_on_the_figures_are_in_an_annex_at_the_end(year_2026):
    document = Document(io.BytesIO(made("docx")))
    texts = [p.text for p in document.paragraphs]
    annex = texts.index("Annex: notes on the figures")
    assert annex > texts.index("Aid projects")
    notes = texts[annex + 1 :]
    assert any("never added together" in note for note in notes)
    assert any("approximate" in note for note in notes)


def test_document_properties_name_the_commission(year_2026):
    properties = Document(io.BytesIO(made("docx"))).core_properties
    assert properties.author == str(settings.SITE_NAME)
    assert properties.title == "International work of the commission in 2026"
    assert properties.language == "en"
    assert properties.created is not None


def test_outcomes_of_visits_keep_their_headings_lists_and_bold(year_2026):
    document = Document(io.BytesIO(made("docx")))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("Visit to Tokyo")
    assert paragraphs[start].style.name == "Heading 3"
    agreed, first, second, after = paragraphs[start + 1 : start + 5]
    assert (agreed.style.name, agreed.text) == ("Heading 4", "Agreed")
    assert first.style.name == second.style.name == "List Bullet"
    assert first.text == "A joint working group"
    assert [run.text for run in first.runs if run.bold] == ["joint"]
    assert [run.text for run in second.runs if run.italic] == ["students"]
    assert (after.style.name, after.text) == ("Normal", "Next visit in 2027.")


# --- Excel ------------------------------------------------------------------------


def test_every_worksheet_prints_on_a4_one_page_wide(year_2026):
    workbook = load_workbook(io.BytesIO(made("xlsx")))
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert int(setup.paperSize) == 9, sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    for title in ("Meetings", "Delegations", "Aid projects"):
        assert workbook[title].page_setup.orientation == "landscape"
        assert workbook[title].print_title_rows == "$1:$1"
    assert workbook["Summary"].page_setup.orientation == "portrait"


def test_the_repeated_title_rows_belong_to_their_own_sheets(year_2026):
    """Excel numbers sheets with chart sheets included: the print titles must match."""
    archive = zipfile.ZipFile(io.BytesIO(made("xlsx")))
    book = archive.read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet [^>]*name="([^"]+)"', book)
    for local_id, reference in re.findall(
        r'<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<', book
    ):
        assert reference.startswith(f"'{sheets[int(local_id)]}'!")


def test_charts_have_sheets_of_their_own_with_whole_number_axes(year_2026):
    workbook = load_workbook(io.BytesIO(made("xlsx")))
    assert not workbook["Summary"]._charts
    assert len(workbook.chartsheets) == 4
    for chart_sheet in workbook.chartsheets:
        assert int(chart_sheet.pageSetup.paperSize) == 9
        assert chart_sheet.pageSetup.orientation == "landscape"
    archive = zipfile.ZipFile(io.BytesIO(made("xlsx")))
    charts = [archive.read(name).decode() for name in archive.namelist() if "charts/chart" in name]
    assert len(charts) == 4
    for chart in charts:
        value_axis = re.search(r"<valAx>.*</valAx>", chart).group(0)
        assert '<numFmt formatCode="0"' in value_axis
        unit = float(re.search(r'<majorUnit val="([\d.]+)"', value_axis).group(1))
        assert unit >= 1 and unit == int(unit)
        assert '<min val="0"' in value_axis
        assert '<delete val="0"' in value_axis


def test_a_chart_of_one_series_has_no_legend_and_one_of_two_has(year_2026):
    archive = zipfile.ZipFile(io.BytesIO(made("xlsx")))
    charts = {}
    for name in archive.namelist():
        if "charts/chart" in name:
            xml = archive.read(name).decode()
            title = re.search(r"<a:t>([^<]+)</a:t>", xml).group(1)
            charts[title] = xml
    assert "<legend>" not in charts["Meetings by country"]
    assert "<legend>" not in charts["Aid projects by status"]
    assert "<legend>" in charts["Delegations in and out"]


def test_links_in_the_workbook_are_absolute(year_2026, settings):
    settings.SITE_URL = "https://commission.example.org"
    workbook = load_workbook(io.BytesIO(made("xlsx")))
    sheet = workbook["Meetings"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Address")
    for row in sheet.iter_rows(min_row=2):
        cell = row[column]
        assert cell.value.startswith("https://commission.example.org/en/meetings/2026/")
        assert cell.hyperlink.target == cell.value


def test_site_url_falls_back_to_the_first_allowed_host_in_production():
    import subprocess
    import sys

    env = {
        "DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"],
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "commission.example.org,www.example.org",
        "DATABASE_URL": "sqlite:////tmp/unused.sqlite3",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=True,
    )
    assert result.stdout.strip() == "https://commission.example.org"
