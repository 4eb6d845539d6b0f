"""The one rule for rich text: what HTML may be stored and shown, and how it leaves.

The main text of a meeting, a visit's summary and outcomes, an aid programme's
description, a project's full text and a person's biography are written in the
admin's editor (headings, lists, links, bold and italic, quotes) and stored as
HTML. Whatever path the HTML comes by — the admin form, an import, a history
revert, a command, the model API — it is sanitised with the one allow-list
below before it is stored (:class:`RichTextField`, through the ``pre_save``
receiver of ``commission.text``), and again when a page shows it (the
``richtext`` template filter), for rows stored before the rule existed.

Files that cannot carry HTML get plain text (:func:`html_to_text`) or, in Word,
paragraphs, headings, lists and bold/italic runs (:func:`html_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

import nh3
from django import forms
from django.db import models
from django.utils.safestring import mark_safe

#: The allow-list: what the editor can make, nothing more.
ALLOWED_TAGS = frozenset(
    {"p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
#: Links to web pages, e-mail addresses and telephone numbers; relative links
#: within the site. No ``javascript:``, ``data:``, ``vbscript:``…
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Tags dropped together with their content (everything else unknown is
#: unwrapped: its text is kept, the tag goes).
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}
)

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel="noopener noreferrer",
    strip_comments=True,
)
_ANY_TAG = re.compile(r"<(?:[a-zA-Z]|/[a-zA-Z]|!--)")
_HEADING_TOO_HIGH = re.compile(r"<(/?)h1\b", re.IGNORECASE)
_HEADING_TOO_LOW = re.compile(r"<(/?)h[56]\b", re.IGNORECASE)
#: What an empty editor leaves behind: empty paragraphs, line breaks, spaces.
_EMPTY = re.compile(r"^(\s|&nbsp;|\xa0|<p>|</p>|<br>|<br/>|<br />)*$")


def sanitize_html(value: str) -> str:
    """HTML reduced to the allow-list; an empty editor's leftovers become ``""``.

    Text with no tag at all (typed into a spreadsheet for an import, given to
    the model API) is plain text: it is escaped and put in paragraphs
    (:func:`plain_text_to_html`), so its line breaks and any "<" survive.
    """
    if not value:
        return ""
    if not _ANY_TAG.search(value):
        return plain_text_to_html(value)
    # Headings outside the editor's levels keep their meaning at the nearest one
    # (the page's title is its only h1).
    value = _HEADING_TOO_HIGH.sub(r"<\1h2", _HEADING_TOO_LOW.sub(r"<\1h4", value))
    cleaned = _CLEANER.clean(value).strip()
    return "" if _EMPTY.match(cleaned) else cleaned


def plain_text_to_html(text: str) -> str:
    """Plain text as HTML: escaped, paragraphs from blank lines, ``<br>`` from single ones."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = re.split(r"\n[ \t]*\n\s*", text)
    return "".join(
        "<p>" + "<br>".join(escape(line, quote=False) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )


# --- out of HTML -------------------------------------------------------------------


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass
class Block:
    """A paragraph of the text: ``kind`` is p, h2, h3, h4, quote, ul or ol."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # list nesting, 0 for the outermost list

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


_BLOCK_KINDS = {"p": "p", "h2": "h2", "h3": "h3", "h4": "h4"}


class _BlockParser(HTMLParser):
    """Reads sanitised HTML into blocks of runs (the allow-list keeps this small)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.lists: list[str] = []
        self.quote = 0
        self.bold = 0
        self.italic = 0
        self.href = ""

    def _block(self, kind: str) -> Block:
        if self.current is None or self.current.kind != kind or self.current.runs:
            self.current = Block(kind, level=max(len(self.lists) - 1, 0))
            self.blocks.append(self.current)
        return self.current

    def _close(self):
        self.current = None

    def _inline_kind(self) -> str:
        if self.lists:
            return self.lists[-1]
        return "quote" if self.quote else "p"

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_KINDS:
            self._close()
            self._block("quote" if self.quote and tag == "p" else _BLOCK_KINDS[tag])
        elif tag in ("ul", "ol"):
            self._close()
            self.lists.append(tag)
        elif tag == "li":
            self._close()
            self._block(self.lists[-1] if self.lists else "ul")
        elif tag == "blockquote":
            self._close()
            self.quote += 1
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "a":
            self.href = dict(attrs).get("href") or ""
        elif tag == "br":
            self.handle_data("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_KINDS or tag == "li":
            self._close()
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._close()
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
            self._close()
        elif tag in ("strong", "b"):
            self.bold = max(self.bold - 1, 0)
        elif tag in ("em", "i"):
            self.italic = max(self.italic - 1, 0)
        elif tag == "a":
            self.href = ""

    def handle_data(self, data):
        if self.current is None:
            if not data.strip():
                return  # whitespace between blocks
            self._block(self._inline_kind())
        data = re.sub(r"[ \t\r\n]+", " ", data) if data != "\n" else data
        self.current.runs.append(Run(data, bool(self.bold), bool(self.italic), self.href))


def html_blocks(value: str) -> list[Block]:
    """The sanitised text as blocks (paragraphs, headings, quotes, list items) of runs."""
    parser = _BlockParser()
    parser.feed(sanitize_html(value))
    parser.close()
    blocks = []
    for block in parser.blocks:
        # Trim the spaces HTML's layout leaves at the ends of a block.
        if block.runs:
            block.runs[0].text = block.runs[0].text.lstrip(" ")
            block.runs[-1].text = block.runs[-1].text.rstrip(" ")
        if block.text.strip():
            blocks.append(block)
    return blocks


def html_to_text(value: str) -> str:
    """Rich text as plain text: blocks separated by blank lines, list items marked.

    For feeds, calendars, spreadsheets, CSV and JSON, search snippets and
    anything else that shows text, not markup.
    """
    if not value:
        return ""
    if "<" not in value and "&" not in value:
        return value.strip()
    blocks = html_blocks(value)
    lines = []
    numbers: dict[int, int] = {}
    for block in blocks:
        text = block.text.strip()
        if block.kind == "ul":
            lines.append("  " * block.level + "• " + text)
        elif block.kind == "ol":
            numbers[block.level] = numbers.get(block.level, 0) + 1
            lines.append("  " * block.level + f"{numbers[block.level]}. " + text)
        else:
            numbers.clear()
            lines.append(text)
    # List items stay on consecutive lines; other blocks are separated by a blank line.
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and not (
            blocks[index].kind in ("ul", "ol") and blocks[index - 1].kind in ("ul", "ol")
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


# --- the field -------------------------------------------------------------------


class RichTextWidget(forms.Textarea):
    """The admin's rich text editor (django-prose-editor), loaded without inline script.

    django-prose-editor's own widget loads its modules through an inline import
    map, which the site's Content-Security-Policy forbids; this widget loads one
    module of ours (``static/admin_extra/richtext.js``) that imports the editor by its
    file's address instead, and configures exactly the allow-list's features.
    Its toolbar and dialogs are translated by Django's JavaScript catalogue
    (``djangojs``), which the admin's change form loads before its media.
    """

    template_name = "django/forms/widgets/textarea.html"

    media = forms.Media(
        css={
            "all": (
                "django_prose_editor/material-icons.css",
                "django_prose_editor/editor.css",
                "django_prose_editor/overrides.css",
                "admin_extra/richtext.css",
            )
        },
        js=[forms.Script("admin_extra/richtext.js", type="module")],
    )

    def __init__(self, attrs=None):
        super().__init__({"data-richtext": "", "rows": 12, **(attrs or {})})

    def use_required_attribute(self, initial):
        return False  # the textarea is hidden behind the editor


class RichTextFormField(forms.CharField):
    """A form field whose cleaned value is the sanitised HTML."""

    widget = RichTextWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return sanitize_html(value) if value else value  # an empty value stays as it is


class RichTextField(models.TextField):
    """Text stored as sanitised HTML (see the module's docstring).

    It is a ``TextField`` in the database and in migrations (``deconstruct``
    says so), so that migrations never import this module.
    """

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs

    def formfield(self, **kwargs):
        # Django's TextField and the admin both ask for a plain textarea; the
        # editor replaces any textarea (a deliberately different widget stays).
        widget = kwargs.get("widget")
        widget_class = widget if isinstance(widget, type) else type(widget)
        if widget is None or issubclass(widget_class, forms.Textarea):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**{**kwargs, "form_class": RichTextFormField})


def is_rich_text(model_field: models.Field) -> bool:
    return isinstance(model_field, RichTextField)


def show_rich_text_formatted(instance: models.Model) -> None:
    """For a read-only page only: each rich text column as sanitised, safe HTML.

    The admin shows a read-only field's value escaped unless it is safe; an
    item shown read-only (never saved from there) gets its rich text marked
    safe after sanitising, so it reads as formatted text.
    """
    for model_field in instance._meta.concrete_fields:
        value = instance.__dict__.get(model_field.attname)
        if is_rich_text(model_field) and isinstance(value, str) and value:
            instance.__dict__[model_field.attname] = mark_safe(sanitize_html(value))
