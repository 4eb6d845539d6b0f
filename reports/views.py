"""The admin page that makes the annual report: pick a year, a language, a format.

The page needs ``commission.view_annual_report`` (both roles hold it). The
internal version with drafts is for those who may see every kind of draft the
report lists in the admin (the view permission on meetings, delegations and aid
projects): it shows nothing they could not open there. The management command
is the operator's and is not restricted.
"""

from __future__ import annotations

import tempfile

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.kinds import kinds
from core.roles import VIEW_ANNUAL_REPORT
from reports.data import AnnualReport
from reports.options import MAX_YEAR, MIN_YEAR, report_format, report_language, report_year
from reports.writers import CONTENT_TYPES, EXTENSIONS, FORMATS, write


def reported_models() -> list[type]:
    """The kinds of item whose drafts the internal version lists."""
    return [kind.model for kind in kinds() if kind.in_annual_report]


def may_include_drafts(user) -> bool:
    """Whether the user may see the drafts the internal version lists."""
    return all(
        user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
        for model in reported_models()
    )


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    include_drafts = forms.BooleanField(
        label=_("Include drafts (internal version, drafts marked)"), required=False
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[(f, f.upper()) for f in FORMATS], widget=forms.HiddenInput
    )

    def __init__(self, *args, drafts_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.drafts_allowed = drafts_allowed
        if not drafts_allowed:
            del self.fields["include_drafts"]

    # The command's rule, after the fields' own checks (which give the messages).
    def clean_year(self) -> int:
        return report_year(self.cleaned_data["year"])

    def clean_language(self) -> str:
        return report_language(self.cleaned_data["language"])

    def clean_format(self) -> str:
        return report_format(self.cleaned_data["format"])

    def clean(self):
        cleaned_data = super().clean()
        if not self.drafts_allowed:
            asked = forms.CheckboxInput().value_from_datadict(
                self.data, self.files, "include_drafts"
            )
            if asked:
                raise ValidationError(
                    _(
                        "The version with drafts is for staff who may see every kind of "
                        "draft it lists."
                    )
                )
            cleaned_data["include_drafts"] = False
        return cleaned_data


def annual_report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(VIEW_ANNUAL_REPORT):
        raise PermissionDenied
    drafts_allowed = may_include_drafts(request.user)
    if "format" in request.GET:
        form = AnnualReportForm(request.GET, drafts_allowed=drafts_allowed)
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
            initial={"year": timezone.localdate().year, "language": request.LANGUAGE_CODE[:2]},
            drafts_allowed=drafts_allowed,
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Annual report"),
        "form": form,
        "formats": FORMATS,
    }
    status = 400 if form.is_bound else 200  # a bound form here has errors
    return render(request, "admin/annual_report.html", context, status=status)
