"""Campaign and click-tracking parameters that links carry but no page reads.

``?utm_source=newsletter`` or ``?fbclid=…`` must not change a page: they are
left out of the page cache's key (one render serves every visitor of a
campaign) and out of the links a page makes to itself (language switcher,
hreflang alternates, pagination), so the page is the same with or without them.
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from django.http import HttpRequest, QueryDict
from django.utils.encoding import escape_uri_path, iri_to_uri

#: Names of tracking parameters (compared in lower case).
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",  # Facebook
        "gclid",  # Google Ads
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "_ga",  # Google Analytics cross-domain
        "_gl",
        "mc_cid",  # Mailchimp
        "mc_eid",
        "msclkid",  # Microsoft Advertising
        "yclid",  # Yandex
        "ysclid",
        "igshid",  # Instagram
        "twclid",  # X (Twitter)
        "ttclid",  # TikTok
        "li_fat_id",  # LinkedIn
        "_hsenc",  # HubSpot
        "_hsmi",
        "mkt_tok",  # Marketo
    }
)
#: Prefixes of families of tracking parameters (utm_source, utm_medium…).
TRACKING_PREFIXES = ("utm_",)


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def query_without_tracking(query_string: str) -> str:
    """The raw query string less its tracking parameters, the rest kept byte for byte."""
    kept = [
        pair
        for pair in query_string.split("&")
        if pair and not is_tracking_parameter(unquote_plus(pair.partition("=")[0]))
    ]
    return "&".join(kept)


def full_path_without_tracking(request: HttpRequest) -> str:
    """``request.get_full_path()`` less the tracking parameters (encoded the same way)."""
    query = query_without_tracking(request.META.get("QUERY_STRING", ""))
    return escape_uri_path(request.path) + (f"?{iri_to_uri(query)}" if query else "")


def parameters_without_tracking(parameters: QueryDict) -> QueryDict:
    """A mutable copy of ``parameters`` less the tracking ones."""
    cleaned = parameters.copy()
    for name in list(cleaned):
        if is_tracking_parameter(name):
            del cleaned[name]
    return cleaned
