"""Snapshot of every public page on the demo content, to compare two versions of the code.

Loads the demo content (``manage.py load_demo``) into a fresh SQLite database in a
temporary folder, then fetches with Django's test client, in all three languages,
every public page reachable by links from the home pages (lists, details, country
pages, open-data page and files, feeds, calendar), plus list filters, search, the
sitemaps and a 404, and writes each response (status, content type, body) to a
folder. A second mode compares two such folders byte for byte.

    .venv/bin/python benchmarks/page_snapshot.py take /tmp/snap-before
    # ... change the code ...
    .venv/bin/python benchmarks/page_snapshot.py take /tmp/snap-after
    .venv/bin/python benchmarks/page_snapshot.py compare /tmp/snap-before /tmp/snap-after

Run from the project root. Per-request values (CSRF tokens, CSP nonces, the
calendar's DTSTAMP, times of day to the second, which the demo's "published now"
puts in feeds and open data) are masked; documents (DOCX, XLSX) are compared by
their contents, as the demo writes them when it loads; nothing else is.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ru", "be")
MAX_PAGES = 3000

# Pages not necessarily linked from the home pages: filters, search, sitemaps, 404.
EXTRA = [
    "/robots.txt",
    "/sitemap.xml",
    "/{lang}/meetings/?country=JP",
    "/{lang}/meetings/?kind=bilateral",
    "/{lang}/meetings/?country=JP&kind=bilateral&page=1",
    "/{lang}/meetings/?country=ZZ",
    "/{lang}/delegations/?direction=incoming",
    "/{lang}/delegations/?country=JP",
    "/{lang}/aid/?status=implementation",
    "/{lang}/aid/?region=BY-HO",
    "/{lang}/aid/?country=JP&status=completed",
    "/{lang}/search/?q=Japan",
    "/{lang}/search/?q=hospital",
    "/{lang}/search/?q=",
    "/{lang}/search/?q=%D0%AF%D0%BF%D0%BE%D0%BD%D0%B8%D1%8F",
    "/{lang}/countries/",
    "/{lang}/countries/JP/",
    "/{lang}/countries/XX/",
    "/{lang}/meetings/feed/rss/",
    "/{lang}/meetings/feed/atom/",
    "/{lang}/delegations/feed/rss/",
    "/{lang}/delegations/feed/atom/",
    "/{lang}/open-data/",
    "/{lang}/open-data/calendar.ics",
    "/{lang}/open-data/iati-activities.xml",
    "/{lang}/members/",
    "/{lang}/about/",
    "/{lang}/no-such-page/",
    "/{lang}/meetings/1999/",
    "/{lang}/meetings/2026/no-such-meeting/",
]

VOLATILE = [
    (re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*'), rb"\1*"),
    (re.compile(rb'(nonce=")[^"]*'), rb"\1*"),
    (re.compile(rb"(\nDTSTAMP:)[^\r\n]*"), rb"\1*"),
    # The demo is published "now": feeds, IATI and open data carry that time of day.
    (re.compile(rb"\d\d:\d\d:\d\d(\.\d+)?"), rb"**:**:**"),
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _settings_module() -> str:
    text = (ROOT / "manage.py").read_text()
    return re.search(r'"DJANGO_SETTINGS_MODULE",\s*"([\w.]+)"', text).group(1)


def _public(path: str) -> bool:
    if not path.startswith("/") or path.startswith("//"):
        return False
    first = path.split("/")[1]
    if first in ("admin", "static", "media", "i18n", "health"):
        return False
    return "/preview/" not in path


def _filename(url: str) -> str:
    return quote(url, safe="")[:200]


def take(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="page-snapshot-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp / "media"),
        PAGE_CACHE_SECONDS="0",
        CACHE_URL="locmemcache://",
        DEBUG="true",
        DJANGO_SETTINGS_MODULE=_settings_module(),
    )
    os.environ.pop("TASKS_BACKEND", None)
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client, override_settings

    # As the public sees them: Django's own 404 page, not the debug page.
    production = override_settings(DEBUG=False)
    production.enable()
    client = Client()
    queue = [f"/{lang}/" for lang in LANGUAGES]
    queue += [e.format(lang=lang) for e in EXTRA for lang in LANGUAGES]
    seen: set[str] = set()
    index = []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        body = response.content if not response.streaming else b"".join(response.streaming_content)
        for pattern, replacement in VOLATILE:
            body = pattern.sub(replacement, body)
        content_type = response.get("Content-Type", "")
        location = response.get("Location", "")
        index.append(f"{response.status_code} {content_type} {location} {url}")
        (out / _filename(url)).write_bytes(body)
        if location and _public(urlsplit(location).path):
            queue.append(location)
        if response.status_code == 200 and ("html" in content_type or "xml" in content_type):
            links = [m.decode() for m in re.findall(rb"<loc>([^<]+)</loc>", body)]
            parser = _Links()
            if "html" in content_type:
                parser.feed(body.decode("utf-8", "replace"))
            for link in parser.links + links:
                parts = urlsplit(urljoin(url, link.replace("&amp;", "&")))
                if parts.netloc not in ("", "testserver"):
                    continue
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if _public(parts.path) and target not in seen:
                    queue.append(target)
    (out / "INDEX").write_text("\n".join(sorted(index)) + "\n")
    print(f"{len(index)} pages written to {out}")
    return 0


def same_content(a: bytes, b: bytes) -> bool:
    """Byte for byte, except that a ZIP body (DOCX, XLSX) is compared member by member:
    the demo writes its documents when it loads, so the archives' file times differ."""
    if a == b:
        return True
    start_a, start_b = a.find(b"PK\x03\x04"), b.find(b"PK\x03\x04")
    if start_a < 0 or a[:start_a] != b[:start_b]:
        return False
    try:
        with (
            zipfile.ZipFile(io.BytesIO(a[start_a:])) as first,
            zipfile.ZipFile(io.BytesIO(b[start_b:])) as second,
        ):
            names = first.namelist()
            return names == second.namelist() and all(
                first.read(name) == second.read(name) for name in names
            )
    except zipfile.BadZipFile:
        return False


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    identical, different = 0, []
    for name in names:
        a, b = before / name, after / name
        if a.exists() and b.exists() and same_content(a.read_bytes(), b.read_bytes()):
            identical += 1
        else:
            different.append(name)
    print(f"{identical} identical, {len(different)} different")
    for name in different:
        print("  differs:", name)
    return 1 if different else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    take_parser = sub.add_parser("take")
    take_parser.add_argument("directory", type=Path)
    compare_parser = sub.add_parser("compare")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.mode == "take":
        return take(args.directory)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
