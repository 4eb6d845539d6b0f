"""Production's static files storage: whitenoise's addresses, each worked out once."""

from __future__ import annotations

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from core.static_files import StaticFilesStorage
from tests.config.test_settings import PRODUCTION, load_settings


def test_production_uses_it():
    result = load_settings(PRODUCTION, 'print(settings.STORAGES["staticfiles"]["BACKEND"])')
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "core.static_files.StaticFilesStorage"


@pytest.fixture
def collected(tmp_path):
    """A collected folder: one hashed script and its manifest."""
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "x.1a2b3c.js").write_text("1")
    manifest = {"paths": {"admin/x.js": "admin/x.1a2b3c.js"}, "version": "1.1", "hash": "h"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return tmp_path


def test_an_address_is_whitenoises_and_kept(collected, settings):
    settings.DEBUG = False
    ours = StaticFilesStorage(location=collected, base_url="/static/")
    theirs = CompressedManifestStaticFilesStorage(location=collected, base_url="/static/")
    assert ours.url("admin/x.js") == theirs.url("admin/x.js") == "/static/admin/x.1a2b3c.js"
    ours.hashed_files["admin/x.js"] = "admin/x.changed.js"  # a manifest changed in place
    assert ours.url("admin/x.js") == "/static/admin/x.1a2b3c.js"  # kept, not looked up again
    assert ours.url("admin/x.js", force=True) == "/static/admin/x.changed.js"


def test_a_missing_file_is_an_error_each_time(collected, settings):
    settings.DEBUG = False
    storage = StaticFilesStorage(location=collected, base_url="/static/")
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("admin/missing.js")
