"""Search over all published content, in the language of the page.

On PostgreSQL: full-text search with ranking and highlighted snippets, using
the language's text-search configuration, over the vectors stored with each
item (``core.search_vectors``, GIN-indexed). Only a bounded set of
candidates is ranked: the ``CANDIDATES`` newest matches of each kind, so a
common word costs the same however much content there is (with fewer matches
than that, every match is ranked, as before). Elsewhere (SQLite): a plain
case-insensitive match with a snippet around the first hit. The results of a
query are kept until the content changes. SQLite's own
``LIKE`` and ``lower()`` fold ASCII letters only ("японии" would not find
"Японии"), so both the columns and the words are folded with Python's
``str.casefold`` (a function registered on the SQLite connection), as
PostgreSQL's search ignores case in every alphabet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BigIntegerField, BooleanField, F, Func, Q, Subquery, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.content_cache import cached
from core.kinds import search_kinds
from core.richtext import html_to_text
from core.search_vectors import CONFIGS, columns, vector_field_name
from core.search_vectors import search_vector as _search_vector
from core.translations import column as translated_column

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 20
#: Matches ranked per kind of item at most (the newest ones).
CANDIDATES = 500
START, STOP = "\x02", "\x03"


def sources() -> list[tuple[type, str, tuple[str, ...]]]:
    """(model, label, the text fields searched; the first is the title) of each kind.

    From the kinds of content (``core.kinds``), in search's order; the label is
    the model's name in the active language ("Meeting"), the fields those the
    model's search vectors are made of.
    """
    return [(kind.model, kind.name, kind.search_fields) for kind in search_kinds()]


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float
    date: object = None
    is_sample: bool = False


def clean_query(raw: str) -> str:
    # NUL characters are refused by PostgreSQL; collapse whitespace, cap length.
    return " ".join(raw.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def _marked(text: str) -> SafeString:
    """Escape the text, then turn the START/STOP markers into <mark> elements.

    Rich text's tags (from a snippet of a rich text column) are taken out first.
    """
    text = html_to_text(text).replace("\n", " ") if "<" in text else text
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(query: str, language: str) -> list[Result]:
    """The results for ``query`` in ``language``, best first; kept until the
    content changes (core.content_cache), so that a word searched again (a
    common one costs the most) is read back in one cache round trip."""
    query = clean_query(query)
    if not query:
        return []
    return cached(
        f"search:{connection.vendor}:{language}:{query}",
        lambda: _search(query, language),
        per_language=True,  # (the kinds' names)
    )


def _search(query: str, language: str) -> list[Result]:
    if connection.vendor == "postgresql":
        results = _postgres(query, language)
    else:
        results = _simple(query, language)
    return sorted(results, key=lambda result: -result.rank)


_columns = columns


def search_vector(fields: tuple[str, ...], language: str):
    """The weighted text vector of one kind of item in one language (titles weigh most).

    What the stored vectors hold (core.search_vectors); migration
    commission 0004 froze this expression for its indexes.
    """
    return _search_vector(fields, language)


def index_name(model, language: str) -> str:
    return f"{model._meta.db_table[:16]}_fts_{language}"


def _postgres(query: str, language: str) -> list[Result]:
    from django.contrib.postgres.fields import ArrayField
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    ids = ArrayField(BigIntegerField())

    config = CONFIGS.get(language, "simple")
    search_query = SearchQuery(query, search_type="websearch", config=config)
    results = []
    vector = F(vector_field_name(language))
    for model, label, fields in sources():
        matches = model.objects.published().filter(
            **{vector_field_name(language): search_query}  # "@@", on the stored vector
        )
        # The candidates: the CANDIDATES newest matches (all of them when there
        # are fewer), read first as a list of ids: a range "from the
        # CANDIDATES-th newest on" made the planner read every row when there
        # were fewer matches, and a subquery made it test every row's vector
        # before joining; a list of ids (one array parameter) is read through
        # the primary key.
        # (modeltranslation's rewriting off: it would pass every id through Python.)
        newest = matches.rewrite(False).order_by("-pk")
        candidates = list(newest.values_list("pk", flat=True)[:CANDIDATES])
        if not candidates:
            continue
        best = (
            model.objects.filter(AnyOf(F("pk"), Value(candidates, output_field=ids)))
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", "-pk")
            .values("pk")[:RESULTS_PER_KIND]
        )
        # The snippet comes from the title and the first text field together, so
        # a match in either is shown highlighted; only for the rows shown.
        body = Concat(
            translated_column("title", language),
            Value(". "),
            translated_column(fields[1], language),
            output_field=TextField(),
        )
        rows = (
            model.objects.for_lists()
            .filter(pk__in=Subquery(best))
            .order_by()
            .annotate(
                rank=SearchRank(vector, search_query),
                snippet=SearchHeadline(
                    body,
                    search_query,
                    config=config,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                ),
            )
        )
        for obj in sorted(rows, key=lambda obj: (-obj.rank, -obj.pk)):
            snippet = obj.snippet or ""
            if START not in snippet:
                snippet = (getattr(obj, fields[1], "") or "")[:200]
            results.append(
                Result(
                    str(label),
                    obj.title,
                    obj.get_absolute_url(),
                    _marked(snippet),
                    obj.rank,
                    is_sample=obj.is_sample,
                )
            )
    return results


class AnyOf(Func):
    """``value = ANY(array)``, a condition (PostgreSQL): the candidates' ids go as
    one array parameter, not as 500 placeholders to parse and plan."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()
    conditional = True


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def register_casefold(sqlite_connection) -> None:
    """Give a SQLite connection the ``casefold()`` SQL function (Python's ``str.casefold``)."""
    sqlite_connection.create_function("casefold", 1, _casefold, deterministic=True)


class Casefold(Func):
    """Text folded for caseless matching in every alphabet (SQLite only)."""

    function = "casefold"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registered on the connection the query runs on (cheap; idempotent).
        connection.ensure_connection()
        register_casefold(connection.connection)
        return super().as_sql(compiler, connection, **extra_context)


def _simple(query: str, language: str) -> list[Result]:
    words = [word for word in query.split() if word][:8]
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    results = []
    for model, label, fields in sources():
        columns = _columns(fields, language)
        folded = {f"{column}_folded": Casefold(column) for column in columns}
        condition = Q()
        for word in words:
            word_condition = Q()
            for alias in folded:
                word_condition |= Q(**{f"{alias}__contains": word.casefold()})
            condition &= word_condition
        rows = model.objects.published().alias(**folded).filter(condition)[:RESULTS_PER_KIND]
        for obj in rows:
            title = obj.title
            text = " ".join(
                html_to_text(getattr(obj, field, "") or "") for field in fields[1:]
            ).replace("\n", " ")
            rank = 2.0 * len(pattern.findall(title)) + len(pattern.findall(text))
            results.append(
                Result(
                    str(label),
                    title,
                    obj.get_absolute_url(),
                    _snippet(text, pattern),
                    rank,
                    is_sample=obj.is_sample,
                )
            )
    return results


def _snippet(text: str, pattern: re.Pattern, width: int = 160) -> SafeString:
    match = pattern.search(text)
    start = max(0, (match.start() if match else 0) - width // 3)
    piece = text[start : start + width]
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return _marked(prefix + marked + suffix)
