from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from core.translations import LANGUAGE_CODES, SOURCE_LANGUAGE
from reports.data import AnnualReport
from reports.options import report_format, report_language, report_year
from reports.writers import FORMATS, write


class Command(BaseCommand):
    help = (
        "Write the annual report of the commission's international work for YEAR: "
        "XLSX (summary with charts, a sheet per entity), DOCX, CSV (a ZIP) or JSON. "
        "Published content only unless --include-drafts."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("year", help="The year, e.g. 2026.")
        parser.add_argument("--format", required=True, help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("--output", required=True, help="Where to write the file.")
        parser.add_argument(
            "--language",
            default=SOURCE_LANGUAGE,
            help="Language of the report: " + ", ".join(LANGUAGE_CODES),
        )
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Include drafts (marked as such) for internal use.",
        )

    def handle(self, *args, **options) -> None:
        try:
            year = report_year(options["year"])
            file_format = report_format(options["format"])
            report_language(options["language"])
        except ValidationError as error:
            raise CommandError(error.messages[0]) from None
        output = Path(options["output"])
        if output.is_dir():
            raise CommandError(f"{output} is a folder; give a file name.")
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")

        report = AnnualReport(
            year, language=options["language"], include_drafts=options["include_drafts"]
        )
        # Write beside the target, then rename: a failure leaves no half-written file.
        try:
            handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".annual-report-")
        except OSError as error:
            raise CommandError(f"Cannot write to {output.parent}: {error.strerror}.") from None
        try:
            with os.fdopen(handle, "wb") as stream:
                write(report, file_format, stream)
            os.chmod(temporary, 0o666 & ~_current_umask())
            os.replace(temporary, output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        summary = report.summary()
        self.stdout.write(
            self.style.SUCCESS(
                f"Annual report {year} ({file_format}, {options['language']}) written to {output}: "
                f"{summary.meetings} meetings, {summary.delegations} delegations, "
                f"{summary.projects} aid projects."
            )
        )


def _current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
