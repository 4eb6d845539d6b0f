"""Import/export of content with natural keys (slugs, ISO codes), never database ids.

An export from one site imports into another. Imports are all-or-nothing: a
single invalid row rolls back the whole file. CSV and XLSX exports go through
the spreadsheet rule of ``core.text`` (no control characters, no cell
read as a formula); JSON keeps the text exactly.
"""

from __future__ import annotations

import tablib
from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.formats import base_formats

from core.countries import is_known, normalise_code
from core.text import restore_spreadsheet_text, spreadsheet_value
from core.translations import columns


def translated(*names: str) -> tuple[str, ...]:
    """Every language column of each translated field: title_en, title_ru, title_be…"""
    return tuple(name_code for name in names for name_code in columns(name))


def country_codes(value) -> list[str]:
    """ISO 3166 codes separated by commas (or semicolons): ``JP,CN``; unknown ones refused."""
    codes = [normalise_code(code) for code in str(value or "").replace(";", ",").split(",")]
    codes = list(dict.fromkeys(code for code in codes if code))
    unknown = [code for code in codes if not is_known(code)]
    if unknown:
        raise ValueError(f"Unknown country code(s): {', '.join(unknown)}")
    return codes


class CountriesWidget(widgets.ManyToManyWidget):
    """The countries an item concerns, as ISO 3166 codes separated by commas: ``CN,JP``.

    ``model`` is the country table (``commission.Country``), given by the app's resource.
    """

    def __init__(self, model, **kwargs):
        super().__init__(model, separator=",", field="code", **kwargs)

    def clean(self, value, row=None, **kwargs):
        codes = country_codes(value)
        self.model.objects.bulk_create(
            [self.model(code=code) for code in codes], ignore_conflicts=True
        )
        return self.model.objects.filter(code__in=codes)

    def render(self, value, obj=None, **kwargs):
        return ",".join(country.code for country in value.all()) if value is not None else ""


class CountryWidget(widgets.Widget):
    """One ISO 3166 code (a country field of its own)."""

    def clean(self, value, row=None, **kwargs):
        codes = country_codes(value)
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

    def import_instance(self, instance, row, **kwargs):
        """Fields and country codes are checked together, so a row names every error."""
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, CountriesWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

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
    """With a UTF-8 byte-order mark, so Excel reads Cyrillic text right.

    The admin's import reads files as ``utf-8-sig``: the mark is taken off again.
    """

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, **kwargs)


class XLSX(SpreadsheetFormat, base_formats.XLSX):
    pass


# The admin keeps numbers and dates as native cells only for the formats in this
# list, compared by exact class; ours is the stock XLSX plus the text rule.
if XLSX not in base_formats.BINARY_FORMATS:
    base_formats.BINARY_FORMATS.append(XLSX)


#: The admin's import and export formats.
ADMIN_FORMATS = [CSV, XLSX, base_formats.JSON]
