"""Template helpers shared by every public page."""

import datetime as dt
import re
from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.template.base import TextNode
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, override

from core.cards import render_cards
from core.content_cache import cached
from core.dates import date_range
from core.richtext import sanitize_html
from core.tracking import full_path_without_tracking
from core.translations import SOURCE_LANGUAGE, text_in

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language of the site, for the switcher and hreflang."""
    request = context["request"]
    path = full_path_without_tracking(request)
    match = getattr(request, "resolver_match", None)
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {"code": code, "name": info["name_local"], "url": _in_language(path, match, code)}
        )
    return links


def _in_language(path: str, match, code: str) -> str:
    """``translate_url(path, code)``, from the request's own URL match when there is
    one (the URL is resolved once per request, not once per language)."""
    if match is None or not match.url_name:
        return translate_url(path, code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            translated = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
    parts = urlsplit(path)
    return urlunsplit((parts.scheme, parts.netloc, translated, parts.query, parts.fragment))


@register.filter
def untranslated(obj, field: str = "title") -> bool:
    """True when the page's language has no text of its own for ``field`` (English is shown)."""
    from django.utils.translation import get_language

    language = (get_language() or SOURCE_LANGUAGE)[:2]
    if language == SOURCE_LANGUAGE:
        return False
    return not text_in(obj, field, language).strip()


@register.simple_tag
def translation_state(obj):
    """How completely ``obj`` reads in the page's language (None in English)."""
    from django.utils.translation import get_language

    from core.translations import TRANSLATED_LANGUAGES, completeness

    language = (get_language() or "en")[:2]
    if language not in TRANSLATED_LANGUAGES:
        return None
    return completeness(obj, language)


@register.simple_tag
def daterange(start: dt.date, end: dt.date | None = None) -> SafeString:
    """A date or a range of dates as ``<time>`` elements, written compactly.

    ``{% daterange delegation.start_date delegation.end_date %}`` gives
    "12–15 October 2026" in English, «12–15 октября 2026 г.» in Russian (see
    ``core.dates``); each end carries its ISO date for machines.
    """
    text = date_range(start, end)
    if not text.separator:
        return format_html('<time datetime="{}">{}</time>', start.isoformat(), text.end)
    first, last = sorted((start, end))
    return format_html(
        '<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        first.isoformat(),
        text.start,
        text.separator,
        last.isoformat(),
        text.end,
    )


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """The current list's address on page ``number``, its filters kept."""
    query = context.get("filter_query", "")
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.inclusion_tag("includes/sort_heading.html", takes_context=True)
def sort_heading(context, key: str, label: str, css_class: str = "") -> dict:
    """A column heading that links to the list ordered by the column (``?sort=key``).

    The current order's column carries ``aria-sort``; its link reverses the
    order. The filters are kept and the list starts again at page 1.
    """
    current = context.get("sort", "")
    if current == key:
        state, target = "ascending", f"-{key}"
    elif current == f"-{key}":
        state, target = "descending", key
    else:
        state, target = "", key
    query = context.get("sort_query", "")
    return {
        "label": label,
        "state": state,
        "href": f"?{query}&sort={target}" if query else f"?sort={target}",
        "descending_next": target.startswith("-"),
        "css_class": css_class,
    }


@register.simple_tag(takes_context=True)
def cards(context, template_name: str, items, name: str, **options) -> SafeString:
    """``{% cards "includes/meeting_card.html" object_list "meeting" level=3 %}``:
    each item rendered by the template as ``meeting``, kept per version of what
    it shows (core.cards)."""
    return render_cards(context, template_name, items, name, **options)


class KeptNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, values: list):
        self.nodelist, self.name, self.values = nodelist, name, values

    def render(self, context) -> str:
        values = [value.resolve(context) for value in self.values]
        return cached(
            f"fragment:{self.name}:{values!r}",
            lambda: self.nodelist.render(context),
            per_language=True,
        )


@register.tag
def keep_until_change(parser, token):
    """``{% keep_until_change "name" value… %}…{% endkeep_until_change %}``: the part
    rendered once per change of the content (core.content_cache), in each
    language, for each combination of the values, which must therefore be
    everything the part depends on besides the published content.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a quoted name, then values")
    nodelist = parser.parse(("endkeep_until_change",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.filter
def richtext(value) -> SafeString:
    """Stored rich text, through the allow-list again (rows stored before the rule)."""
    return mark_safe(sanitize_html(str(value or "")))  # sanitised just now


@register.simple_tag
def select_options(field) -> SafeString:
    """The ``<option>`` elements of a filter's select, the current value selected.

    Written here rather than by a loop in the template: a list of people or
    countries has hundreds of options, and a template loop costs a few
    milliseconds per hundred.
    """
    current = field.value()
    current = "" if current is None else str(current)
    escape = conditional_escape
    return mark_safe(  # noqa: S308 (every value and label is escaped)
        "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) == current else ""}>'
            f"{escape(label)}</option>"
            for value, label in field.field.choices
        )
    )


@register.simple_tag
def page_numbers(page_obj) -> list:
    """Page numbers around the current page, with the first and last, and
    ``None`` where numbers are left out: 1 … 4 5 [6] 7 8 … 20."""
    ellipsis = page_obj.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        )
    ]


@register.simple_tag(takes_context=True)
def page_address(context) -> str:
    """The page's full address, without tracking parameters (for the printed foot)."""
    request = context["request"]
    return request.build_absolute_uri(full_path_without_tracking(request))


_BREAK_AND_INDENT = re.compile(r"\n[ \t]*")


class OneLineNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist

    def render(self, context) -> str:
        return self.nodelist.render(context)


@register.tag
def oneline(parser, token):
    """``{% oneline %}…{% endoneline %}``: one line of output, written on several in the template.

    The template's own line breaks inside, with the spaces and tabs that follow
    each, are left out when the template is compiled; what tags and variables
    put out is untouched (unlike ``{% spaceless %}``). So break lines only where
    no space is wanted: next to a tag, never at a space between words.
    """
    nodelist = parser.parse(("endoneline",))
    parser.delete_first_token()
    for node in nodelist.get_nodes_by_type(TextNode):
        node.s = _BREAK_AND_INDENT.sub("", node.s)
    return OneLineNode(nodelist)
