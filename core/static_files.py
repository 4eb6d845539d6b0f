"""The static files' storage in production: whitenoise's hashed, compressed files, each
file's address worked out once.

A page asks for the address of each script, style sheet and icon it shows (an
admin change form about fifty): each is looked up in the manifest and joined
to ``STATIC_URL`` again, a few per cent of the page's time. The manifest does
not change while the process runs (``collectstatic`` writes it before the
server starts), so each address is kept after its first use.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._addresses: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        try:
            return self._addresses[name]
        except KeyError:
            address = self._addresses[name] = super().url(name)
            return address
