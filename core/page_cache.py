"""Whole-page caching of the public site for anonymous visitors.

A news spike costs one render per page and language: later visitors get the
stored page. Every saved or deleted content object bumps a version number
stored with each entry, so a change shows at once; scheduled items appear
when the entry expires (PAGE_CACHE_SECONDS).

The middleware sits near the top of the stack, so that a hit skips sessions,
authentication and the rest: a visitor without a session cookie is anonymous
by construction (the public site never starts a session), and the stored
response already carries every header the inner middleware added (CSP,
ETag, Content-Language). A matching If-None-Match gets a 304 here.

Entries are keyed by scheme, validated host and path (see ``_key``), so a page
rendered for one host name is never served to another, nor to a host that
ALLOWED_HOSTS refuses.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from core.tracking import full_path_without_tracking

VERSION_KEY = "page-cache:version"
#: Only the public, language-prefixed pages are cached.
CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(VERSION_KEY, 2, timeout=None)


def _key(request: HttpRequest) -> str:
    """The entry of this page as this visitor would have it rendered.

    Pages carry absolute URLs (canonical, hreflang, Open Graph) made from the
    request's scheme and host, so both are part of the key. ``get_host()``
    checks the host against ALLOWED_HOSTS: a refused host raises
    DisallowedHost (a 400) before any entry is read. Tracking parameters do
    not change a page, so they are left out: a campaign costs one render.
    """
    location = f"{request.scheme}://{request.get_host()}{full_path_without_tracking(request)}"
    digest = hashlib.sha256(location.encode()).hexdigest()
    return f"page-cache:{request.method}:{digest}"


class AnonymousPageCacheMiddleware:
    """Entries are (content version, response); one cache round trip reads both."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or content_version()
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            cached = entry[1]
            cached["X-Page-Cache"] = "hit"
            return get_conditional_response(request, etag=cached.get("ETag"), response=cached)
        response = self.get_response(request)
        if self._cacheable_response(response):
            # Stored under the version read before rendering: if content changed
            # meanwhile, the next visitor sees a mismatch and gets a fresh page.
            cache.set(key, (version, response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request: HttpRequest) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(CACHED_PREFIXES)
            and "/preview/" not in request.path
            # Staff have a session; anonymous visitors of the public site do not.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _cacheable_response(response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in response.get("Cache-Control", "")
        )
