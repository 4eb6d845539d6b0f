"""Documents attached to visits and projects: which files are taken, where they
are kept and how they are served.

The type of a document is read from its bytes, never from its name or the
declared content type, and only formats the secretariat publishes are taken:
PDF, Word/Excel/PowerPoint (OOXML), OpenDocument text/spreadsheet/presentation
and JPEG/PNG/WebP images. Anything that a browser could run (HTML, SVG, XML,
scripts), programs, macro-carrying office files and other archives are refused
with a message naming the file.

Files are stored under ``documents/`` with random names carrying the extension
of the detected type. That folder is private like photo originals: it is never
served as media. Visitors get a document through :class:`DocumentDownloadView`,
which checks that the item it belongs to is published (staff who may view the
item also get drafts' documents) and streams the file from the storage with
headers that keep it inert: its real content type, ``nosniff``, a download
(inline only for PDF) and ``Content-Security-Policy: sandbox``.
"""

from __future__ import annotations

import os
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from PIL import Image, UnidentifiedImageError

#: The storage folder of every document; private, never served as media.
DOCUMENTS_DIR = "documents"

#: The policy sent with every served file that is not a page of the site.
SANDBOX_POLICY = "sandbox"


@dataclass(frozen=True)
class DocumentType:
    extension: str
    content_type: str

    @property
    def shown_in_browser(self) -> bool:
        """PDF opens in the browser's viewer; everything else is downloaded."""
        return self.extension == ".pdf"


PDF = DocumentType(".pdf", "application/pdf")
DOCX = DocumentType(
    ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = DocumentType(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PPTX = DocumentType(
    ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"
)
ODT = DocumentType(".odt", "application/vnd.oasis.opendocument.text")
ODS = DocumentType(".ods", "application/vnd.oasis.opendocument.spreadsheet")
ODP = DocumentType(".odp", "application/vnd.oasis.opendocument.presentation")
JPEG = DocumentType(".jpg", "image/jpeg")
PNG = DocumentType(".png", "image/png")
WEBP = DocumentType(".webp", "image/webp")

ACCEPTED_TYPES = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, JPEG, PNG, WEBP)
TYPES_BY_EXTENSION = {kind.extension: kind for kind in ACCEPTED_TYPES}

#: OOXML: the content type of the package's main part says which application it is.
_OOXML_MAIN_PARTS = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
#: ODF: the first member, ``mimetype``, names the kind of document.
_ODF_MIMETYPES = {kind.content_type.encode(): kind for kind in (ODT, ODS, ODP)}
_IMAGE_FORMATS = {"JPEG": JPEG, "PNG": PNG, "WEBP": WEBP}
# Parts of an office file read to tell what it is; real ones are a few KiB.
_MAX_PART_BYTES = 1024 * 1024

_ACCEPTED = gettext_lazy(
    "PDF; Word, Excel or PowerPoint (DOCX, XLSX, PPTX); OpenDocument text, spreadsheet or "
    "presentation (ODT, ODS, ODP); JPEG, PNG or WebP images"
)
_HTML = gettext_lazy("an HTML page")
_SVG = gettext_lazy("an SVG drawing")
_MARKUP = gettext_lazy("an XML or HTML file")
_PROGRAM = gettext_lazy("a program or script")
_OLD_OFFICE = gettext_lazy("an old-format Office file (DOC, XLS or PPT)")
_OTHER_ZIP = gettext_lazy(
    "a ZIP archive that is not a Word, Excel, PowerPoint or OpenDocument file"
)

_PROGRAM_SIGNATURES = (
    b"MZ",  # Windows executables and DLLs
    b"\x7fELF",  # Linux programs
    b"\xcf\xfa\xed\xfe",  # macOS programs (64-bit)
    b"\xce\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal programs, Java classes
    b"#!",  # scripts
)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _name(upload: BinaryIO) -> str:
    return os.path.basename(getattr(upload, "name", "") or _("the file"))


def _refused(name: str, what: str) -> ValidationError:
    return ValidationError(
        _("%(name)s is %(what)s, which is not accepted as a document. Accepted: %(accepted)s.")
        % {"name": name, "what": what, "accepted": _ACCEPTED},
        code="format",
    )


def _sniff_refused(head: bytes) -> str | None:
    """What the first bytes say the file is, when it is something we name in the refusal."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if b"<svg" in text:
            return str(_SVG)
        if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
            return str(_HTML)
        return str(_MARKUP)
    if head.startswith(_PROGRAM_SIGNATURES):
        return str(_PROGRAM)
    if head.startswith(_OLE_SIGNATURE):
        return str(_OLD_OFFICE)
    return None


def _has_macros(names: list[str], content_types: bytes = b"") -> bool:
    return (
        b"macroEnabled" in content_types
        or b"vbaProject" in content_types
        or any(
            name.lower().endswith("vbaproject.bin") or name.startswith(("Basic/", "Scripts/"))
            for name in names
        )
    )


def _office_type(upload: BinaryIO, name: str) -> DocumentType:
    """Tell a DOCX/XLSX/PPTX or ODT/ODS/ODP from any other ZIP, reading only small parts."""
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            names = [member.filename for member in members]
            kind = None
            content_types = b""
            if members and members[0].filename == "mimetype":
                with archive.open(members[0]) as part:
                    kind = _ODF_MIMETYPES.get(part.read(200).strip())
            elif "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as part:
                    content_types = part.read(_MAX_PART_BYTES)
                found = [found for key, found in _OOXML_MAIN_PARTS.items() if key in content_types]
                kind = found[0] if len(found) == 1 else None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error) as error:
        raise ValidationError(
            _("%(name)s is damaged or incomplete and cannot be read as an office document.")
            % {"name": name},
            code="corrupt",
        ) from error
    except (RuntimeError, NotImplementedError) as error:
        # zipfile's words for an encrypted member or an unknown compression.
        raise ValidationError(
            _("%(name)s is encrypted or compressed in a way that cannot be read.") % {"name": name},
            code="corrupt",
        ) from error
    finally:
        upload.seek(0)
    if _has_macros(names, content_types):
        raise ValidationError(
            _(
                "%(name)s contains macros, which are not accepted in documents. Save it "
                "without macros (DOCX, XLSX, PPTX, ODT, ODS or ODP)."
            )
            % {"name": name},
            code="macros",
        )
    if kind is None:
        raise _refused(name, str(_OTHER_ZIP))
    return kind


def _image_type(upload: BinaryIO) -> DocumentType | None:
    """JPEG, PNG or WebP, read from the header by Pillow; the pixels are not decoded."""
    try:
        with Image.open(upload, formats=tuple(_IMAGE_FORMATS)) as image:
            return _IMAGE_FORMATS.get(image.format or "")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def detect_document_type(upload: BinaryIO) -> DocumentType:
    """The accepted type of a file, read from its bytes; ValidationError naming the file if none."""
    name = _name(upload)
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if not head:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    refused = _sniff_refused(head)
    if refused:
        raise _refused(name, refused)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload, name)
    kind = _image_type(upload)
    if kind is None:
        raise ValidationError(
            _("%(name)s is not a type of document we accept. Accepted: %(accepted)s.")
            % {"name": name, "accepted": _ACCEPTED},
            code="format",
        )
    return kind


def validate_document_file(upload: BinaryIO) -> DocumentType:
    """Check an uploaded document (size, then type); raise ValidationError with a clear reason."""
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    # The upload handler stops keeping a file past the larger of the photo and
    # document limits and marks it; a size between the two is caught here.
    if getattr(upload, "exceeded_size_limit", False) or (getattr(upload, "size", 0) or 0) > limit:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s, the most a document may be.")
            % {"name": _name(upload), "limit": filesizeformat(limit)},
            code="too_large",
        )
    return detect_document_type(upload)


def validate_document(value) -> None:
    """The check of the document file field: every new upload, whatever path it comes by.

    A file already stored was checked when it came in, so saving the item again
    (its other fields, its other documents) does not read it back.
    """
    if isinstance(value, FieldFile):
        if not value or value._committed:
            return
        value = value.file
    validate_document_file(value)


def document_upload_to(instance: models.Model, filename: str) -> str:
    """A random name under the document folder, with the extension of the detected type.

    ``filename`` is the one :class:`DocumentFileField` passes: made from the
    type read from the bytes, never the uploaded name.
    """
    kind = stored_type(filename)
    extension = kind.extension if kind else ""
    return f"{DOCUMENTS_DIR}/{instance.storage_folder}/{uuid.uuid4().hex}{extension}"


class DocumentFileField(models.FileField):
    """The file of a document: checked on every save path, linked only through the checked view.

    ``full_clean`` (the admin's forms, imports, services) runs :meth:`validate`;
    ``url`` is the download view's address, never the storage's.
    """

    class attr_class(FieldFile):  # noqa: N801 - the name Django looks for
        @property
        def url(self) -> str:
            self._require_file()
            return self.instance.get_absolute_url()

        def save(self, name: str, content, save: bool = True) -> None:
            # Every write (a form's, or a direct file.save()) reads the type from
            # the bytes again (a header, or a ZIP's directory: cheap), so a file
            # that skipped validation is still not stored, and upload_to gets a
            # name with the detected type's extension.
            kind = detect_document_type(content)
            super().save(f"document{kind.extension}", content, save)

    def validate(self, value, model_instance) -> None:
        super().validate(value, model_instance)
        validate_document(value)

    def deconstruct(self):
        # Migrations see a plain FileField: which files are taken and where they
        # go are rules of the running code, not of the schema, and migrations
        # must not import code that may change.
        name, _path, args, kwargs = super().deconstruct()
        kwargs["upload_to"] = ""
        return name, "django.db.models.FileField", args, kwargs

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.widget.attrs.setdefault(
            "accept", ",".join(kind.extension for kind in ACCEPTED_TYPES) + ",.jpeg"
        )
        return field


def stored_type(name: str) -> DocumentType | None:
    """The type a stored name stands for; None for files stored before types were checked."""
    return TYPES_BY_EXTENSION.get(os.path.splitext(name)[1].lower())


def may_see_drafts(user, model: type[models.Model]) -> bool:
    """Staff who may view (or change) items of this kind in the admin see their drafts' files."""
    from core.two_factor import is_verified

    if not (user.is_active and user.is_staff and is_verified(user)):
        return False
    app_label, model_name = model._meta.app_label, model._meta.model_name
    return user.has_perm(f"{app_label}.view_{model_name}") or user.has_perm(
        f"{app_label}.change_{model_name}"
    )


def inert_file_response(handle, *, kind: DocumentType | None, filename: str) -> FileResponse:
    """Stream a stored file so that it can never act as a page of the site."""
    response = FileResponse(
        handle,
        as_attachment=not (kind and kind.shown_in_browser),
        filename=filename,
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["Content-Security-Policy"] = SANDBOX_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


class DocumentDownloadView(View):
    """One document's file, for those who may see the item it belongs to.

    Drafts (and scheduled items before their time) answer 404 to the public,
    exactly like their pages: the parent's ``published()`` queryset decides.
    """

    #: The concrete Document model, set in each app's URLconf.
    model: type[models.Model] | None = None

    def get(self, request: HttpRequest, pk: int, filename: str) -> HttpResponse:
        parent_field = self.model.parent_field
        document = get_object_or_404(
            self.model.objects.select_related(parent_field).exclude(file=""), pk=pk
        )
        parent = getattr(document, parent_field)
        parent_model = type(parent)
        public = parent_model.objects.published().filter(pk=parent.pk).exists()
        if not public and not may_see_drafts(request.user, parent_model):
            raise Http404
        if filename != document.download_name:
            return redirect(document.get_absolute_url())
        try:
            handle = document.file.storage.open(document.file.name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = inert_file_response(
            handle, kind=stored_type(document.file.name), filename=document.download_name
        )
        if not public:
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
