"""Cards and table rows of the public lists, each rendered once per version of what it shows.

A list page shows 20–50 cards or rows; rendering them is most of its work,
and after every admin save (which empties the page cache) the same cards are
rendered again for every list, filter and language they appear in. So each
card is kept in the cache under a key made from everything it is rendered
from:

- the item's row: its ``updated_at``, which every save moves (a row without
  one by every column), and likewise the rows joined to it by
  ``select_related`` (e.g. a project's donor): any edit, by any path, changes it;
- the item's related rows named in its model's ``card_relations`` (e.g. a
  meeting's countries and gallery), read in one small query, with the state
  of the rows they point to: their ``card_state`` columns (a photo's
  ``updated_at``, which every change to what it shows moves, and its
  processing ``status``), else their ``updated_at``;
- the language, the card's options (``level``) and the release: a digest of
  the project's code, templates and translations, so a deployment never
  serves a card rendered by older code.

An edit therefore re-renders only the cards of what changed; the others are
read back in one cache round trip. The related rows the cards need for
rendering (the ``card_relations``, prefetched) are read only for the cards
that are not in the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache as remember
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connections, models, router
from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.template import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.content_cache import InOrder
from core.translations import translated_fields

PREFIX = "card"
#: A card unused for a day is dropped (an edit makes a new key, never a stale hit).
TIMEOUT = 24 * 3600
#: What the release digest reads: code, templates and compiled translations,
#: in the project's folders but these (tools, tests and what is installed).
_RELEASED_SUFFIXES = {".py", ".html", ".mo"}
_NOT_RELEASED = {"node_modules", "tests", "benchmarks", "staticfiles", "var", "docs"}


@remember
def release() -> str:
    """A digest of the code, templates and translations cards are rendered by
    (read once per process), and of the settings their URLs come from."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    folders = [
        folder
        for folder in root.iterdir()
        if folder.is_dir() and folder.name not in _NOT_RELEASED and folder.name[0] != "."
    ]
    paths = [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in _RELEASED_SUFFIXES and path.is_file()
    ]
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    digest.update(repr((settings.MEDIA_URL, settings.STATIC_URL, settings.STORAGES)).encode())
    return digest.hexdigest()[:16]


def render_cards(
    context: Context, template_name: str, items: Iterable[models.Model], name: str, **options
) -> SafeString:
    """Each item rendered by ``template_name`` as ``name`` (with ``options``), in order.

    ``items`` may be model instances, or a queryset not yet read: then only
    the columns of the key are read for every item, and whole rows (with what
    the queryset joins) only for the cards not in the cache.
    """
    order = None
    if isinstance(items, InOrder):
        items, order = items.rows, {pk: number for number, pk in enumerate(items.ids)}
    if isinstance(items, QuerySet) and items._result_cache is None:
        model = items.model
        states = query_states(items)
        if order is not None:
            states = dict(sorted(states.items(), key=lambda state: order[state[0]]))
        instances = None
    else:
        instances = {item.pk: item for item in items}
        if not instances:
            return mark_safe("")
        model = type(next(iter(instances.values())))
        states = {
            pk: instance_state(item, state_paths(model, _joined(item)))
            for pk, item in instances.items()
        }
    if not states:
        return mark_safe("")
    relations = tuple(getattr(model, "card_relations", ()))
    common = (get_language(), template_name, model._meta.label, sorted(options.items()))
    keys = _keys(model, states, relations, common)
    found = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        if instances is None:
            whole = items._chain()
            whole.query.clear_limits()
            instances = whole.order_by().in_bulk(missing)
        # (An item deleted since its key was read is left out, not an error.)
        chosen = [instances[pk] for pk in missing if pk in instances]
        prefetch_related_objects(chosen, *(_prefetch(model, relation) for relation in relations))
        template = context.template.engine.get_template(template_name)
        rendered = {}
        for item in chosen:
            with context.push({name: item, **options}):
                rendered[keys[item.pk]] = template.render(context)
        cache.set_many(rendered, TIMEOUT)
        found.update(rendered)
    cards = (found[key] for key in keys.values() if key in found)
    return mark_safe("".join(cards))  # noqa: S308 (rendered templates)


def query_states(queryset: QuerySet, fields: tuple[str, ...] = ()) -> dict:
    """{item id: the values its key is made from, then those of ``fields``}, in the
    queryset's order, read as values (no instance made): the item's row and the rows
    its ``select_related`` joins (:func:`state_paths`)."""
    paths = state_paths(queryset.model, queryset.query.select_related)
    stored = queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset  # translations
    rows = stored.values_list("pk", *(value for value, _attribute in paths), *fields)
    return {row[0]: row[1:] for row in rows}


def query_keys(
    queryset: QuerySet, relations: tuple[str, ...], common: tuple, fields=(), extra=None
) -> dict:
    """{item id: its key}, as :func:`instance_keys`, for a queryset not yet read: only
    the columns of the keys are read (and ``fields``, given to ``extra`` as a dict)."""
    states = query_states(queryset, fields)
    if extra is not None:
        own = len(fields)  # (the values of ``fields`` come last)
        states = {
            pk: values[: len(values) - own]
            + extra(dict(zip(fields, values[len(values) - own :], strict=True)))
            for pk, values in states.items()
        }
    return _keys(queryset.model, states, relations, common)


def instance_keys(items: list, relations: tuple[str, ...], common: tuple, extra=None) -> dict:
    """{item id: its key} for instances already read, of one model, rendered
    from their rows, the rows joined to them, the rows of their ``relations``
    (read in one query) and ``common`` (what else the markup is made from, e.g.
    the language); ``extra(item)`` adds what an item shows beyond its rows
    (e.g. what the clock decides). The same keys as the cards', for another
    markup: the admin's list rows (core.templatetags.admin_rows)."""
    model = type(items[0])
    states = {
        item.pk: instance_state(item, state_paths(model, _joined(item)))
        + (extra(item) if extra else ())
        for item in items
    }
    return _keys(model, states, relations, common)


def _keys(model, states: dict, relations: tuple[str, ...], common: tuple) -> dict:
    stamps = related_stamps(model, list(states), relations)
    common = (release(), *common)
    return {pk: _key(common, pk, state, stamps[pk]) for pk, state in states.items()}


def _key(common: tuple, pk, state: tuple, related) -> str:
    text = repr((common, pk, state, related))
    return f"{PREFIX}:{hashlib.sha256(text.encode()).hexdigest()[:40]}"


def state_paths(model, joined) -> tuple[tuple[str, str], ...]:
    """What stands for an item's own row and the rows joined to it (``joined``:
    ``select_related``'s tree), as (``values_list()`` path, attribute path) pairs.

    A row with :func:`state_fields` (its ``updated_at``: every save moves it;
    data migrations, the only ``QuerySet.update()`` of content, change the
    release) is stood for by them; other rows by every column. Worked out once
    per model and tree (asked for every card).
    """
    return _state_paths(model, _frozen(joined))


def _frozen(joined) -> tuple:
    """``select_related``'s tree ({relation: subtree}, or True/False) as a key."""
    if not isinstance(joined, dict):
        return ()
    return tuple(sorted((relation, _frozen(nested)) for relation, nested in joined.items()))


@remember
def _state_paths(model, joined: tuple) -> tuple[tuple[str, str], ...]:
    names = state_fields(model)
    if names:
        fields = [model._meta.get_field(name) for name in names]
    else:  # every column: each language's, not the one modeltranslation reads through
        translated = set(translated_fields(model))
        fields = [field for field in model._meta.concrete_fields if field.name not in translated]
    paths = [(field.name, field.attname) for field in fields]
    for relation, nested in joined:
        target = model._meta.get_field(relation).related_model
        paths += [
            (f"{relation}__{value}", f"{relation}.{attribute}")
            for value, attribute in _state_paths(target, nested)
        ]
    return tuple(paths)


def _joined(item: models.Model) -> dict:
    """The ``select_related`` tree an instance was read with (from what it holds)."""
    return {
        relation: _joined(related) if related is not None else {}
        for relation, related in item._state.fields_cache.items()
        if related is not None
    }


def instance_state(item: models.Model, paths) -> tuple:
    """The values of ``paths`` read from an instance (what ``values_list()`` gives)."""
    values = []
    for _value, attribute in paths:
        target = item
        for part in attribute.split("."):
            target = getattr(target, part) if target is not None else None
        values.append(target)
    return tuple(values)


def related_stamps(model, ids: list, relations: tuple[str, ...]) -> dict:
    """{item id: [what each relation holds for it, in a stable order]}, in one query."""
    stamps: dict = {pk: [[] for _relation in relations] for pk in ids}
    if relations and ids:
        for number, item_id, *values in _relation_rows(model, relations, ids):
            stamps[item_id][number].append(tuple(values))
    return {pk: [sorted(rows, key=repr) for rows in rows_of] for pk, rows_of in stamps.items()}


def _relation_rows(model, relations: tuple[str, ...], ids: list) -> list[tuple]:
    """(relation's number, item id, values as text…) for each related row.

    One ``UNION ALL`` of a plain SQL query per relation, made from the models'
    metadata: it runs for every list of cards, and it is simple enough that
    building it through the ORM would cost more than running it. The values
    are text (so that the relations' rows fit one result), padded with NULLs.
    """
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    selects = [_relation_select(model, relation, quote) for relation in relations]
    width = max(len(values) for _owner, values, _source in selects)
    padding = ["NULL"] * width
    sql = " UNION ALL ".join(
        f"SELECT {number}, {owner}, "
        + ", ".join([f"CAST({value} AS TEXT)" for value in values] + padding[len(values) :])
        + f" FROM {source} WHERE {owner} IN ({marks})"
        for number, (owner, values, source) in enumerate(selects)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids * len(relations))
        return cursor.fetchall()


def _relation_select(model, relation: str, quote) -> tuple[str, list[str], str]:
    """(the owner's column, the value columns, FROM what) of one relation: a
    many-to-many's targets, or a reverse foreign key's rows (every column, and
    the state of each row they point to that has one: :func:`state_fields`)."""
    field = model._meta.get_field(relation)
    if field.many_to_many:
        through = field.remote_field.through._meta
        source = quote(through.get_field(field.m2m_field_name()).column)
        target = quote(through.get_field(field.m2m_reverse_field_name()).column)
        return f"r.{source}", [f"r.{target}"], f"{quote(through.db_table)} r"
    related = field.related_model._meta
    owner = field.field.column
    values = [f"r.{quote(f.column)}" for f in related.concrete_fields if f.column != owner]
    joins = ""
    pointers = [f for f in related.concrete_fields if f.many_to_one and f.column != owner]
    for number, fk in enumerate(pointers):
        target = fk.related_model._meta
        names = state_fields(fk.related_model)
        values += [f"t{number}.{quote(target.get_field(name).column)}" for name in names]
        if names:
            joins += (
                f" LEFT JOIN {quote(target.db_table)} t{number}"
                f" ON t{number}.{quote(target.pk.column)} = r.{quote(fk.column)}"
            )
    return f"r.{quote(owner)}", values, f"{quote(related.db_table)} r{joins}"


def state_fields(model) -> tuple[str, ...]:
    """The columns standing for what a row shows: its model's ``card_state``, else
    its ``updated_at`` if it has one (else nothing: it is not part of the key)."""
    names = {field.name for field in model._meta.concrete_fields}
    return getattr(model, "card_state", ("updated_at",) if "updated_at" in names else ())


def _prefetch(model, relation: str) -> Prefetch | str:
    """A relation as the cards show it: a reverse foreign key's rows with what they point to."""
    field = model._meta.get_field(relation)
    if field.many_to_many:
        return relation
    related = field.related_model
    joined = [
        f.name
        for f in related._meta.concrete_fields
        if f.many_to_one and f.name != field.field.name
    ]
    return Prefetch(relation, queryset=related.objects.select_related(*joined))
