"""The admin page that makes the annual report: pick a year, a language, a format."""

from __future__ import annotations

import tempfile

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commission.report.data import AnnualReport
from commission.report.writers import CONTENT_TYPES, EXTENSIONS, FORMATS, write


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    include_drafts = forms.BooleanField(
        label=_("Include drafts (internal version, drafts marked)"), required=False
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[(f, f.upper()) for f in FORMATS], widget=forms.HiddenInput
    )


def annual_report(request: HttpRequest) -> HttpResponse:
    if "format" in request.GET:
        form = AnnualReportForm(request.GET)
        if form.is_valid():
            data = form.cleaned_data
            report = AnnualReport(
                data["year"], language=data["language"], include_drafts=data["include_drafts"]
            )
            # Spooled: small reports stay in memory, large ones go to disk.
            output = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
            write(report, data["format"], output)
            output.seek(0)
            suffix = "-internal" if data["include_drafts"] else ""
            extension = EXTENSIONS[data["format"]]
            filename = f"annual-report-{data['year']}-{data['language']}{suffix}.{extension}"
            return FileResponse(
                output,
                as_attachment=True,
                filename=filename,
                content_type=CONTENT_TYPES[data["format"]],
            )
    else:
        form = AnnualReportForm(
            initial={"year": timezone.localdate().year, "language": request.LANGUAGE_CODE[:2]}
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Annual report"),
        "form": form,
        "formats": FORMATS,
    }
    status = 400 if form.is_bound else 200  # a bound form here has errors
    return render(request, "admin/annual_report.html", context, status=status)
