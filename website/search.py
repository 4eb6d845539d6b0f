"""Search over all published content, in the language of the page.

On PostgreSQL: full-text search with ranking and highlighted snippets, using
the language's text-search configuration. Elsewhere (SQLite): a plain
case-insensitive match with a snippet around the first hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from aid.models import AidProgramme, AidProject
from core.translations import column as translated_column
from core.translations import with_fallback
from delegations.models import Delegation
from meetings.models import Meeting

MAX_QUERY_LENGTH = 200
RESULTS_PER_KIND = 20
#: PostgreSQL text-search configurations by language (none ships for Belarusian).
CONFIGS = {"en": "english", "ru": "russian", "be": "simple"}
START, STOP = "\x02", "\x03"

#: (model, label, the text fields searched; the first is the title).
SOURCES = [
    (Meeting, _("Meeting"), ("title", "summary", "body")),
    (Delegation, _("Delegation"), ("title", "purpose", "summary")),
    (AidProject, _("Aid project"), ("title", "summary", "body")),
    (AidProgramme, _("Aid programme"), ("title", "description")),
]


@dataclass(frozen=True)
class Result:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float
    date: object = None


def clean_query(raw: str) -> str:
    # NUL characters are refused by PostgreSQL; collapse whitespace, cap length.
    return " ".join(raw.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def _marked(text: str) -> SafeString:
    """Escape the text, then turn the START/STOP markers into <mark> elements."""
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def search(query: str, language: str) -> list[Result]:
    query = clean_query(query)
    if not query:
        return []
    if connection.vendor == "postgresql":
        results = _postgres(query, language)
    else:
        results = _simple(query, language)
    return sorted(results, key=lambda result: -result.rank)


def _columns(fields: tuple[str, ...], language: str) -> list[str]:
    return [translated_column(field, code) for code in with_fallback(language) for field in fields]


def search_vector(fields: tuple[str, ...], language: str):
    """The weighted text vector of one kind of item in one language (titles weigh most).

    The GIN indexes made by migration commission 0004 index exactly this
    expression (frozen in that migration; a change here needs a new migration),
    so a query on it is answered from the index.
    """
    from django.contrib.postgres.search import SearchVector

    config = CONFIGS.get(language, "simple")
    columns = _columns(fields, language)
    weights = ["A" if column.startswith("title") else "B" for column in columns]
    vector = SearchVector(columns[0], weight=weights[0], config=config)
    for column, weight in zip(columns[1:], weights[1:], strict=True):
        vector += SearchVector(column, weight=weight, config=config)
    return vector


def index_name(model, language: str) -> str:
    return f"{model._meta.db_table[:16]}_fts_{language}"


def _postgres(query: str, language: str) -> list[Result]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    config = CONFIGS.get(language, "simple")
    search_query = SearchQuery(query, search_type="websearch", config=config)
    results = []
    for model, label, fields in SOURCES:
        vector = search_vector(fields, language)
        # The snippet comes from the title and the first text field together, so
        # a match in either is shown highlighted.
        body = Concat(
            translated_column("title", language),
            Value(". "),
            translated_column(fields[1], language),
            output_field=TextField(),
        )
        rows = (
            model.objects.published()
            .alias(document=vector)
            .filter(document=search_query)  # "@@", answered from the GIN index
            .annotate(rank=SearchRank(vector, search_query))
            .annotate(
                snippet=SearchHeadline(
                    body,
                    search_query,
                    config=config,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                )
            )
            .order_by("-rank")[:RESULTS_PER_KIND]
        )
        for obj in rows:
            snippet = obj.snippet or ""
            if START not in snippet:
                snippet = (getattr(obj, fields[1], "") or "")[:200]
            results.append(
                Result(str(label), obj.title, obj.get_absolute_url(), _marked(snippet), obj.rank)
            )
    return results


def _simple(query: str, language: str) -> list[Result]:
    words = [word for word in query.split() if word][:8]
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    results = []
    for model, label, fields in SOURCES:
        columns = _columns(fields, language)
        condition = Q()
        for word in words:
            word_condition = Q()
            for column in columns:
                word_condition |= Q(**{f"{column}__icontains": word})
            condition &= word_condition
        rows = model.objects.published().filter(condition)[:RESULTS_PER_KIND]
        for obj in rows:
            title = obj.title
            text = " ".join(getattr(obj, field, "") or "" for field in fields[1:])
            rank = 2.0 * len(pattern.findall(title)) + len(pattern.findall(text))
            results.append(
                Result(str(label), title, obj.get_absolute_url(), _snippet(text, pattern), rank)
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
