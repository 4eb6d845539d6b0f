"""How completely an item is translated: every translated field, per language, in one place.

An item's text is spread over its own translated fields (title, place, body,
…) and over the rows shown with it: participants' roles, the programme, the
documents, and the captions and alt texts of its gallery's photos. A field
counts where its English text is not empty (English is the source and the
fallback); it is translated in a language when that language's column is not
blank. Per item and language the state is

- ``complete``: every counted field is translated;
- ``partial``: some are, some fall back to English;
- ``missing``: none is (the page would be wholly in English).

The admin's list tick, its "translation incomplete" filter (the same rule as a
query), the form's language headings, the dashboard and the public page's note
of what is shown in English all read this module.

Each content app declares the rows shown with an item in its ``translation.py``
(``register_parts(Meeting, "participant_set", "gallery__photo")``): a reverse
foreign key, optionally followed by a forward foreign key (a gallery row's
photo). The fields are modeltranslation's registered fields of each model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.db import connections, router
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

#: The languages content is written in besides English (the fallback).
#: Every language of the site, in the settings' order.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
#: The language content is written in first, and the fallback of every other.
SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
#: The languages content is written in besides the source language.
TRANSLATED_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]
#: Each language's name in itself ("English", "Русский", "Беларуская").
LANGUAGE_NAMES = {code: LANG_INFO[code]["name_local"].capitalize() for code in LANGUAGE_CODES}


def column(field: str, code: str) -> str:
    """The column of ``field`` in language ``code``: ``column("title", "ru")`` is ``title_ru``.

    Every translated column is named here, so the languages are listed only in the settings.
    """
    return f"{field}_{code}"


def columns(field: str, codes: list[str] | tuple[str, ...] | None = None) -> list[str]:
    """The columns of ``field`` in ``codes`` (every language by default)."""
    return [column(field, code) for code in (LANGUAGE_CODES if codes is None else codes)]


def with_fallback(language: str) -> list[str]:
    """``language`` and then the source language it falls back to (once if they are one)."""
    return [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]


def text_in(obj, field: str, code: str) -> str:
    """The object's own text of ``field`` in language ``code`` ("" when empty)."""
    return getattr(obj, column(field, code), "") or ""


COMPLETE, PARTIAL, MISSING = "complete", "partial", "missing"
STATE_LABELS = {
    COMPLETE: gettext_lazy("translated"),
    PARTIAL: gettext_lazy("partly translated"),
    MISSING: gettext_lazy("not translated"),
}
STATE_SYMBOLS = {COMPLETE: "✓", PARTIAL: "◐", MISSING: "✗"}

#: model → the relation paths of the rows shown with it ("participant_set", "gallery__photo").
_PARTS: dict[type, tuple[str, ...]] = {}


def register_parts(model, *paths: str) -> None:
    """Declare the related rows whose translated text is shown on ``model``'s page."""
    _PARTS[model] = tuple(paths)


def part_relations(model) -> tuple[str, ...]:
    """The relations of ``model`` whose rows its translation states read."""
    return tuple(dict.fromkeys(path.partition("__")[0] for path in _PARTS.get(model, ())))


@cache  # registrations are made once, when the apps load
def translated_fields(model) -> tuple[str, ...]:
    """The names of ``model``'s fields registered with modeltranslation (none if unregistered)."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    # In the order the model declares them (the registry keeps no order).
    return tuple(f.name for f in model._meta.fields if f.name in options.fields)


def _blank(value) -> bool:
    return not (value or "").strip()


@dataclass
class Gap:
    """One field that falls back to English: on the item itself, or on ``count`` related rows."""

    label: str
    count: int = 1
    related: bool = False


@dataclass
class LanguageCompleteness:
    language: str
    total: int = 0
    translated: int = 0
    gaps: list[Gap] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.translated == self.total:
            return COMPLETE
        if self.translated == 0:
            return MISSING
        return PARTIAL

    @property
    def complete(self) -> bool:
        return self.state == COMPLETE

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS[self.state]

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])

    def gap_names(self) -> list[str]:
        """What falls back to English, in words of the active language."""
        return [gap.label for gap in self.gaps]


def _part_rows(obj, path: str):
    """The related objects of ``obj`` along ``path`` (uses prefetched rows when there are)."""
    first, _sep, rest = path.partition("__")
    rows = list(getattr(obj, first).all())
    if rest:
        rows = [getattr(row, rest) for row in rows]
        rows = [row for row in rows if row is not None]
    return rows


def _text(row, name: str) -> str:
    """A column's text in a related object, or in a row read as a mapping."""
    value = row.get(name) if isinstance(row, dict) else getattr(row, name, "")
    return value or ""


@cache
def _part_model(model, path: str):
    first, _sep, rest = path.partition("__")
    related = model._meta.get_field(first).related_model
    if rest:
        related = related._meta.get_field(rest).related_model
    return related


def _field_label(model, name: str) -> str:
    return _label(get_language(), model, "", name)


def _part_label(model, path: str, name: str) -> str:
    return _label(get_language(), model, path, name)


@cache
def _label(language: str, model, path: str, name: str) -> str:
    """A field's name in ``language`` (remembered: an admin list asks for it per row),
    followed for a related row's field by the rows' name: "caption (photos)"."""
    if not path:
        return str(model._meta.get_field(name).verbose_name)
    part_model = _part_model(model, path)
    holder = model._meta.get_field(path.partition("__")[0]).related_model
    return _("%(field)s (%(items)s)") % {
        "field": str(part_model._meta.get_field(name).verbose_name),
        "items": holder._meta.verbose_name_plural,
    }


def completeness(obj, language: str, parts: dict | None = None) -> LanguageCompleteness:
    """How completely ``obj`` (its own fields and the rows shown with it) reads in ``language``.

    ``parts``: the rows shown with it, {path: [row as a mapping of columns]},
    when already read (:func:`completeness_of_many`); else its relations.
    """
    result = LanguageCompleteness(language)
    model = type(obj)
    if language == SOURCE_LANGUAGE:
        return result
    for name in translated_fields(model):
        if _blank(getattr(obj, column(name, SOURCE_LANGUAGE), "")):
            continue
        result.total += 1
        if _blank(getattr(obj, column(name, language), "")):
            result.gaps.append(Gap(_field_label(model, name)))
        else:
            result.translated += 1
    for path in _PARTS.get(model, ()):
        part_model = _part_model(model, path)
        names = translated_fields(part_model)
        rows = parts[path] if parts is not None else _part_rows(obj, path)
        for name in names:
            untranslated = 0
            for row in rows:
                if _blank(_text(row, column(name, SOURCE_LANGUAGE))):
                    continue
                result.total += 1
                if _blank(_text(row, column(name, language))):
                    untranslated += 1
                else:
                    result.translated += 1
            if untranslated:
                result.gaps.append(
                    Gap(_part_label(model, path, name), count=untranslated, related=True)
                )
    return result


def completeness_by_language(obj, parts: dict | None = None) -> dict[str, LanguageCompleteness]:
    return {code: completeness(obj, code, parts) for code in TRANSLATED_LANGUAGES}


def completeness_of_many(objs) -> dict:
    """{pk: :func:`completeness_by_language`} for a page of items of one model.

    The rows shown with them are read as plain rows, in one query for the
    whole page and every relation (an admin list of 100 items would otherwise
    build a queryset per item and relation, and an object per related row; a
    change form, a query per relation).
    """
    objs = list(objs)
    if not objs:
        return {}
    model = type(objs[0])
    paths = _PARTS.get(model, ())
    parts: dict = {obj.pk: {path: [] for path in paths} for obj in objs}
    ids = [obj.pk for obj in objs]
    if paths:
        columns_of = [
            [column(name, code) for name in _part_names(model, path) for code in LANGUAGE_CODES]
            for path in paths
        ]
        for number, owner_id, *values in _rows_of_parts(model, paths, ids):
            row = dict(zip(columns_of[number], values, strict=False))
            parts[owner_id][paths[number]].append(row)
    return {obj.pk: completeness_by_language(obj, parts[obj.pk]) for obj in objs}


def _part_names(model, path: str) -> tuple[str, ...]:
    return translated_fields(_part_model(model, path))


def _rows_of_parts(model, paths: tuple[str, ...], ids: list) -> list[tuple]:
    """(the path's number, the item's id, each language's text of each translated
    field…) of the rows of ``paths`` of the items ``ids``, in one query.

    Plain SQL made from the models' metadata (a ``UNION ALL`` of one ``SELECT``
    per relation, padded with NULLs to the widest), as the cards' related rows
    (``core.cards``): it runs for every change form and list page, and building
    it through the ORM costs more than running it.
    """
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    selects = []
    for path in paths:
        first, _sep, rest = path.partition("__")
        relation = model._meta.get_field(first)
        holder = relation.related_model._meta
        owner = f"r.{quote(relation.field.column)}"
        source = f"{quote(holder.db_table)} r"
        part = holder
        if rest:  # the rows a relation's rows point to (a gallery's photos; none: no row)
            pointer = holder.get_field(rest)
            part = pointer.related_model._meta
            source += (
                f" JOIN {quote(part.db_table)} t"
                f" ON t.{quote(part.pk.column)} = r.{quote(pointer.column)}"
            )
        alias = "t" if rest else "r"
        values = [
            f"CAST({alias}.{quote(part.get_field(column(name, code)).column)} AS TEXT)"
            for name in _part_names(model, path)
            for code in LANGUAGE_CODES
        ]
        selects.append((owner, values, source))
    width = max(len(values) for _owner, values, _source in selects)
    sql = " UNION ALL ".join(
        f"SELECT {number}, {owner}, "
        + ", ".join(values + ["NULL"] * (width - len(values)))
        + f" FROM {source} WHERE {owner} IN ({marks})"
        for number, (owner, values, source) in enumerate(selects)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids * len(selects))
        return cursor.fetchall()


def missing_languages(obj) -> list[str]:
    """The languages in which ``obj`` is not completely translated."""
    return [code for code, state in completeness_by_language(obj).items() if not state.complete]


def _untranslated_q(names: tuple[str, ...], language: str, prefix: str = "") -> Q:
    condition = Q(pk__in=[])
    for name in names:
        source = prefix + column(name, SOURCE_LANGUAGE)
        target = prefix + column(name, language)
        filled = ~Q(**{source: ""}) & Q(**{f"{source}__isnull": False})
        empty = Q(**{target: ""}) | Q(**{f"{target}__isnull": True})
        condition |= filled & empty
    return condition


def incomplete_q(model, languages: list[str] | None = None) -> Q:
    """Items of ``model`` with any counted field untranslated in any of ``languages``.

    The same rule as :func:`completeness`, as a query (whitespace-only text
    counts as filled here; the text rule strips stored text, so there is none).
    """
    languages = languages or TRANSLATED_LANGUAGES
    condition = Q(pk__in=[])
    own = translated_fields(model)
    for language in languages:
        condition |= _untranslated_q(own, language)
        for path in _PARTS.get(model, ()):
            first, _sep, rest = path.partition("__")
            relation = model._meta.get_field(first)
            holder = relation.related_model
            back = relation.field.name
            part_model = _part_model(model, path)
            prefix = f"{rest}__" if rest else ""
            rows = holder._default_manager.filter(
                _untranslated_q(translated_fields(part_model), language, prefix),
                **{back: OuterRef("pk")},
            )
            condition |= Q(Exists(rows))
    return condition
