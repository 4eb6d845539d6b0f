"""Import/export of content with natural keys (slugs, ISO codes), never database ids.

An export from one site imports into another. Imports are all-or-nothing: a
single invalid row rolls back the whole file. CSV and XLSX exports go through
the spreadsheet rule of ``core.text`` (no control characters, no cell
read as a formula); JSON keeps the text exactly.
"""

from __future__ import annotations

import tablib
from django_countries import countries
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from core.text import restore_spreadsheet_text, spreadsheet_value
from core.translations import columns


def translated(*names: str) -> tuple[str, ...]:
    """Every language column of each translated field: title_en, title_ru, title_be…"""
    return tuple(name_code for name in names for name_code in columns(name))


class CountriesWidget(widgets.Widget):
    """ISO 3166 codes separated by commas: ``JP,CN``."""

    def clean(self, value, row=None, **kwargs):
        codes = [code.strip().upper() for code in str(value or "").replace(";", ",").split(",")]
        codes = [code for code in codes if code]
        unknown = [code for code in codes if code not in countries]
        if unknown:
            raise ValueError(f"Unknown country code(s): {', '.join(unknown)}")
        return codes

    def render(self, value, obj=None, **kwargs):
        return ",".join(country.code for country in value or [])


class CountryWidget(CountriesWidget):
    def clean(self, value, row=None, **kwargs):
        codes = super().clean(value, row, **kwargs)
        if len(codes) > 1:
            raise ValueError("Give one country code.")
        return codes[0] if codes else ""

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


def slug_of(model, column: str, attribute: str | None = None) -> fields.Field:
    """A foreign key written as the related object's slug."""
    return fields.Field(
        attribute=attribute or column,
        column_name=column,
        widget=widgets.ForeignKeyWidget(model, field="slug"),
    )


def slugs_of(model, column: str) -> fields.Field:
    """A many-to-many relation written as slugs separated by '|'."""
    return fields.Field(
        attribute=column,
        column_name=column,
        widget=widgets.ManyToManyWidget(model, field="slug", separator="|"),
    )


class AllOrNothingResource(resources.ModelResource):
    """Every row is validated like a form; any invalid row rolls back the file."""

    def import_data(self, dataset, dry_run=False, raise_errors=False, *args, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        kwargs["use_transactions"] = True
        return super().import_data(dataset, dry_run, raise_errors, *args, **kwargs)

    class Meta:
        abstract = True
        skip_unchanged = True
        report_skipped = False
        clean_model_instances = True
        import_id_fields = ("slug",)


class SpreadsheetFormat:
    """CSV or XLSX in the admin: every text cell written by ``core.text``'s rule.

    A cell that would start a formula gets an apostrophe on export, which an
    import of the same file takes off again, so an export still imports into
    another site unchanged. (django-import-export's own
    ``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`` only drops a leading "=" and
    turns every number into text; it stays off.)
    """

    def export_data(self, dataset: tablib.Dataset, **kwargs):
        safe = tablib.Dataset(
            *([spreadsheet_value(value) for value in row] for row in dataset),
            headers=dataset.headers,
            title=dataset.title,
        )
        return super().export_data(safe, **kwargs)

    def create_dataset(self, in_stream, *args, **kwargs) -> tablib.Dataset:
        dataset = super().create_dataset(in_stream, *args, **kwargs)
        return tablib.Dataset(
            *(
                [restore_spreadsheet_text(v) if isinstance(v, str) else v for v in row]
                for row in dataset
            ),
            headers=dataset.headers,
            title=dataset.title,
        )


class CSV(SpreadsheetFormat, base_formats.CSV):
    pass


class XLSX(SpreadsheetFormat, base_formats.XLSX):
    pass


# The admin keeps numbers and dates as native cells only for the formats in this
# list, compared by exact class; ours is the stock XLSX plus the text rule.
if XLSX not in base_formats.BINARY_FORMATS:
    base_formats.BINARY_FORMATS.append(XLSX)


#: The admin's import and export formats.
ADMIN_FORMATS = [CSV, XLSX, base_formats.JSON]
