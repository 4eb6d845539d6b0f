"""Documents of visits and projects: only inert types are taken, drafts' files stay private,
and every file is served so that it cannot act as a page of the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from aid.models import ProjectDocument
from delegations.models import DelegationDocument
from tests.core import documents
from tests.core.documents import form_data, upload, with_new_document
from tests.factories import make_delegation, make_project, make_staff

pytestmark = pytest.mark.django_db

ACCEPTED_LIST = "PDF; Word, Excel or PowerPoint (DOCX, XLSX, PPTX)"


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def attach_to_visit(client, delegation, file, title: str = "Minutes"):
    """Add a document to a visit through its admin form, as the secretariat does."""
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = with_new_document(
        form_data(client, url, "delegation_form"), "documents", title_en=title, file=file
    )
    return client.post(url, data)


def attach_to_project(client, project, file, title: str = "Grant contract"):
    url = reverse("admin:aid_aidproject_change", args=[project.pk])
    data = with_new_document(
        form_data(client, url, "aidproject_form"), "documents", title_en=title, file=file
    )
    return client.post(url, data)


def errors_of(response) -> str:
    assert response.status_code == 200, "the form should be shown again with its errors"
    return " ".join(
        " ".join(form.errors.get("file", []))
        for formset in response.context["inline_admin_formsets"]
        for form in formset.formset.forms
    )


def stored_document(delegation=None, *, name: str, data: bytes, title: str = "Minutes", **fields):
    """A document row whose file is already in the storage (e.g. from before types were checked)."""
    delegation = delegation or make_delegation()
    saved = default_storage.save(name, ContentFile(data))
    return DelegationDocument.objects.create(
        delegation=delegation, title_en=title, file=saved, **fields
    )


# Uploads -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,data,what",
    [
        ("agenda.html", documents.HTML, "an HTML page"),
        ("logo.svg", documents.SVG, "an SVG drawing"),
        ("page.xhtml", documents.XHTML, "an XML or HTML file"),
        ("data.xml", documents.XML, "an XML or HTML file"),
        ("setup.exe", documents.EXE, "a program or script"),
        ("minutes.pdf", documents.HTML, "an HTML page"),
        ("old.doc", documents.OLD_WORD, "an old-format Office file"),
        ("bundle.zip", documents.plain_zip_bytes(), "a ZIP archive that is not"),
    ],
)
def test_an_editor_cannot_attach_active_content_to_a_visit(
    editor_client, settings, name, data, what
):
    delegation = make_delegation(status="draft")
    response = attach_to_visit(editor_client, delegation, upload(name, data, "application/pdf"))
    message = errors_of(response)
    assert name in message and what in message and ACCEPTED_LIST in message, message
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set()


def test_a_script_is_refused_as_a_type_we_do_not_accept(editor_client, settings):
    delegation = make_delegation(status="draft")
    response = attach_to_visit(editor_client, delegation, upload("app.js", documents.JAVASCRIPT))
    message = errors_of(response)
    assert "app.js is not a type of document we accept" in message and ACCEPTED_LIST in message
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set()


def test_an_office_file_with_macros_is_refused(editor_client, settings):
    delegation = make_delegation(status="draft")
    response = attach_to_visit(
        editor_client, delegation, upload("report.docx", documents.docm_bytes())
    )
    assert "report.docx contains macros" in errors_of(response)
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set()


@pytest.mark.parametrize(
    "uploaded_as,data,extension",
    [
        ("minutes.html", documents.pdf_bytes(), ".pdf"),
        ("agenda", documents.docx_bytes(), ".docx"),
        ("figures.pdf", documents.xlsx_bytes(), ".xlsx"),
        ("letter.txt", documents.odt_bytes(), ".odt"),
        ("scan.svg", documents.jpeg_bytes(), ".jpg"),
    ],
)
def test_an_accepted_document_is_stored_under_its_real_type(
    editor_client, settings, uploaded_as, data, extension
):
    delegation = make_delegation(status="draft")
    response = attach_to_visit(editor_client, delegation, upload(uploaded_as, data))
    assert response.status_code == 302, response.context and errors_of(response)
    document = DelegationDocument.objects.get()
    name = document.file.name
    assert name.startswith("documents/delegations/") and name.endswith(extension)
    assert uploaded_as.split(".")[0] not in name, "stored names are random, not the uploaded one"
    assert media_files(settings) == {name}
    assert default_storage.open(name).read() == data


def test_a_project_takes_a_spreadsheet_and_refuses_a_page(editor_client, settings):
    project = make_project(status="draft")
    response = attach_to_project(editor_client, project, upload("page.html", documents.HTML))
    assert "page.html is an HTML page" in errors_of(response)
    assert not ProjectDocument.objects.exists()

    response = attach_to_project(
        editor_client, project, upload("budget.xlsx", documents.xlsx_bytes())
    )
    assert response.status_code == 302
    name = ProjectDocument.objects.get().file.name
    assert name.startswith("documents/aid/") and name.endswith(".xlsx")
    assert media_files(settings) == {name}


@pytest.mark.parametrize("photo_limit", [100, 100_000], ids=["photo-limit-lower", "higher"])
def test_an_oversized_document_is_refused_with_the_limit_and_nothing_stored(
    editor_client, settings, photo_limit
):
    # Past the larger limit the upload handler drops the bytes; between the two,
    # the document's own limit refuses it.
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 2000
    settings.PHOTO_MAX_UPLOAD_BYTES = photo_limit
    delegation = make_delegation(status="draft")
    big = documents.pdf_bytes() + b"%" + b"x" * 5000 + b"\n"
    response = attach_to_visit(editor_client, delegation, upload("report.pdf", big))
    message = errors_of(response)
    assert "report.pdf is larger than 2.0\xa0KB, the most a document may be." in message, message
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set(), "no empty file is left behind"


def test_every_save_path_checks_the_file(settings):
    """A service that skips the form still cannot store a page."""
    delegation = make_delegation(status="draft")
    document = DelegationDocument(
        delegation=delegation, title_en="Minutes", file=upload("m.html", documents.HTML)
    )
    with pytest.raises(ValidationError, match="m.html is an HTML page"):
        document.full_clean()
    with pytest.raises(ValidationError), transaction.atomic():
        document.save()
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set()


def test_a_visit_with_a_document_stored_before_the_check_can_still_be_saved(editor_client):
    delegation = make_delegation(status="draft", title_en="Visit")
    stored_document(delegation, name="documents/delegations/old.html", data=documents.HTML)
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = form_data(editor_client, url, "delegation_form")
    data["title_en"] = "Visit, renamed"
    assert editor_client.post(url, data).status_code == 302
    delegation.refresh_from_db()
    assert delegation.title_en == "Visit, renamed"


# Serving -------------------------------------------------------------------------------------


def test_a_draft_visits_document_is_hidden_from_the_public_but_not_from_staff(client, editor):
    document = stored_document(
        make_delegation(status="draft"), name="documents/delegations/a1.pdf", data=b"%PDF-1.4\n"
    )
    url = document.get_absolute_url()
    assert client.get(url).status_code == 404

    clerk = make_staff("clerk", None)  # staff, but may not view visits
    client.force_login(clerk)
    assert client.get(url).status_code == 404

    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_scheduled_visits_document_waits_for_its_time(client):
    import datetime as dt

    from django.utils import timezone

    later = timezone.now() + dt.timedelta(days=1)
    delegation = make_delegation(status="scheduled", published_at=later)
    document = stored_document(delegation, name="documents/delegations/b2.pdf", data=b"%PDF-1.4\n")
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_published_pdf_opens_in_the_browser_sandboxed(client):
    pdf = documents.pdf_bytes()
    document = stored_document(
        name="documents/delegations/c3.pdf", data=pdf, title="Joint statement"
    )
    url = document.get_absolute_url()
    assert url == f"/en/delegations/documents/{document.pk}/joint-statement.pdf"
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="joint-statement.pdf"'
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_published_docx_is_downloaded_sandboxed(client):
    document = stored_document(
        name="documents/delegations/d4.docx", data=documents.docx_bytes(), title="Programme"
    )
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="programme.docx"'
    assert response["Content-Security-Policy"] == "sandbox"


def test_a_page_stored_before_types_were_checked_is_only_ever_downloaded(client):
    document = stored_document(name="documents/delegations/old.html", data=documents.HTML)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="minutes"'
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_project_document_follows_its_project(client):
    project = make_project(status="draft")
    saved = default_storage.save("documents/aid/e5.pdf", ContentFile(b"%PDF-1.4\n"))
    document = ProjectDocument.objects.create(project=project, title_en="Contract", file=saved)
    url = document.get_absolute_url()
    assert url.startswith("/en/aid/documents/")
    assert client.get(url).status_code == 404
    project.status = "published"
    project.save()
    assert client.get(url).status_code == 200


def test_a_wrong_file_name_leads_to_the_documents_address(client):
    document = stored_document(name="documents/delegations/f6.pdf", data=b"%PDF-1.4\n")
    wrong = reverse("delegations:document", kwargs={"pk": document.pk, "filename": "x.html"})
    response = client.get(wrong)
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()


def test_a_missing_file_is_not_found(client):
    document = stored_document(name="documents/delegations/g7.pdf", data=b"%PDF-1.4\n")
    default_storage.delete(document.file.name)
    assert client.get(document.get_absolute_url()).status_code == 404


def test_pages_link_documents_through_the_checked_address(client):
    document = stored_document(name="documents/delegations/h8.pdf", data=b"%PDF-1.4\n")
    page = client.get(document.delegation.get_absolute_url()).content.decode()
    assert f'href="{document.get_absolute_url()}"' in page
    assert "/media/documents/" not in page

    project = make_project(status="published")
    saved = default_storage.save("documents/aid/i9.pdf", ContentFile(b"%PDF-1.4\n"))
    project_document = ProjectDocument.objects.create(project=project, title_en="C", file=saved)
    page = client.get(project.get_absolute_url()).content.decode()
    assert f'href="{project_document.get_absolute_url()}"' in page
    assert "/media/documents/" not in page


def test_the_admin_links_a_document_through_the_checked_address(editor_client):
    delegation = make_delegation(status="draft")
    document = stored_document(delegation, name="documents/delegations/j1.pdf", data=b"%PDF-1")
    page = editor_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk])
    ).content.decode()
    assert f'href="{document.get_absolute_url()}"' in page
    assert "/media/documents/" not in page


def test_media_serves_no_document_even_a_published_one(client, settings):
    settings.SERVE_MEDIA = True
    document = stored_document(name="documents/delegations/k2.pdf", data=b"%PDF-1.4\n")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.get_absolute_url()).status_code == 200


def test_media_serves_variants_as_images_and_anything_else_as_a_sandboxed_download(
    client, settings
):
    settings.SERVE_MEDIA = True
    default_storage.save("photos/ab/abc-480w.webp", ContentFile(b"RIFF....WEBP"))
    default_storage.save("photos/ab/page.html", ContentFile(documents.HTML))

    variant = client.get("/media/photos/ab/abc-480w.webp")
    assert variant.status_code == 200
    assert variant["Content-Type"] == "image/webp"
    assert "attachment" not in variant.get("Content-Disposition", "")
    assert variant["Content-Security-Policy"] == "sandbox"

    page = client.get("/media/photos/ab/page.html")
    assert page.status_code == 200
    assert page["Content-Type"] == "application/octet-stream"
    assert page["Content-Disposition"].startswith("attachment")
    assert page["Content-Security-Policy"] == "sandbox"
    assert page["X-Content-Type-Options"] == "nosniff"


def test_a_document_is_named_after_its_title_in_the_language_of_the_page(client):
    from django.utils import translation

    document = stored_document(
        name="documents/delegations/l3.pdf", data=b"%PDF-1.4\n", title="Joint statement"
    )
    document.title_ru = "Совместное заявление"
    document.save()
    with translation.override("ru"):
        url = document.get_absolute_url()
    assert url.startswith("/ru/delegations/documents/")
    response = client.get(url)
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "%D1%81%D0%BE%D0%B2%D0%BC" in response["Content-Disposition"]  # "совм"


def test_a_damaged_office_file_is_refused_with_a_message(editor_client, settings):
    delegation = make_delegation(status="draft")
    truncated = documents.docx_bytes()[:600]
    response = attach_to_visit(editor_client, delegation, upload("minutes.docx", truncated))
    message = errors_of(response)
    assert "minutes.docx is damaged or incomplete" in message, message
    assert not DelegationDocument.objects.exists()
    assert media_files(settings) == set()
