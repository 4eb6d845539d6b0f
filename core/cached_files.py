"""Large generated files (open data), streamed and kept until the content changes.

A file is written by a generator of chunks: the first request after a change
streams it as it is generated and stores the chunks in the cache as they go
by; later requests stream the stored chunks. Memory stays constant either way
(one chunk at a time), however large the file.

Every version of a file gets an entity tag and a Last-Modified time (when it
was generated), so a poller that sends ``If-None-Match`` or
``If-Modified-Since`` gets a 304 without the file being read or generated
again. Like :func:`core.content_cache.cached`, a file is kept under the
content version, and no later than the next scheduled publication.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Iterator

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from core.content_cache import TIMEOUT, next_scheduled_publication
from core.page_cache import VERSION_KEY, content_version

PREFIX = "cached-file"
CHUNK_BYTES = 64 * 1024


def _rechunk(parts: Iterable[bytes | str]) -> Iterator[bytes]:
    """Whatever the generator yields, as chunks of about CHUNK_BYTES."""
    buffer = bytearray()
    for part in parts:
        buffer += part.encode() if isinstance(part, str) else part
        if len(buffer) >= CHUNK_BYTES:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def cached_file(
    request: HttpRequest,
    name: str,
    generate: Callable[[], Iterable[bytes | str]],
    *,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """The file ``name`` (its cache key: say what makes it differ, e.g. host and language)."""
    key = f"{PREFIX}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or content_version()
    entry = found.get(key)
    now = timezone.now()
    if (
        entry
        and entry["version"] == version
        and (entry["valid_until"] is None or now < entry["valid_until"])
    ):
        stored = entry
        chunks = _stored_chunks(key, entry, generate)
    else:
        stored = {
            "version": version,
            "valid_until": next_scheduled_publication(),
            "tag": uuid.uuid4().hex,
            "modified": now.replace(microsecond=0),
        }
        chunks = _storing_chunks(key, stored, generate)
    etag = f'"{stored["tag"]}"'
    last_modified = stored["modified"].timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Shared caches and pollers may keep it, but must ask again (a cheap 304).
    response["Cache-Control"] = "public, no-cache"
    for header, value in (headers or {}).items():
        response[header] = value
    return response


def _chunk_key(key: str, tag: str, index: int) -> str:
    return f"{key}:{tag}:{index}"


def _storing_chunks(key: str, entry: dict, generate) -> Iterator[bytes]:
    count = 0
    for chunk in _rechunk(generate()):
        cache.set(_chunk_key(key, entry["tag"], count), chunk, TIMEOUT)
        count += 1
        yield chunk
    # Only a file streamed to its end is stored (never half a file).
    cache.set(key, {**entry, "chunks": count}, TIMEOUT)


def _stored_chunks(key: str, entry: dict, generate) -> Iterator[bytes]:
    sent = 0
    for index in range(entry["chunks"]):
        chunk = cache.get(_chunk_key(key, entry["tag"], index))
        if chunk is None:
            # Evicted meanwhile: generate the file again (the content has not
            # changed, so it is the same) and send the rest of it.
            cache.delete(key)
            yield from _skip(_rechunk(generate()), sent)
            return
        sent += len(chunk)
        yield chunk


def _skip(chunks: Iterator[bytes], count: int) -> Iterator[bytes]:
    for chunk in chunks:
        if count >= len(chunk):
            count -= len(chunk)
            continue
        yield chunk[count:]
        count = 0
