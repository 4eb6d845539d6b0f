"""The Russian and Belarusian catalogues hold every interface string, translated.

A string added to a template or to Python code and not put in the catalogues
(``makemessages``), or put there but left untranslated or fuzzy, or with a
placeholder lost in translation, fails here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("ru", "be")
IGNORED = (".venv", "node_modules", "tests", "benchmarks", "var", "staticfiles", ".git")


def catalogue_path(root: Path, language: str) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def keys(po: polib.POFile) -> set[tuple]:
    return {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in po if not e.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[tuple]]:
    """The messages ``makemessages`` finds in the code today, in a copy of the project."""
    copy = tmp_path_factory.mktemp("project")
    for item in ROOT.iterdir():
        if item.name in IGNORED or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, copy / item.name, symlinks=True)
        else:
            shutil.copy2(item, copy / item.name)
    command = [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
    for language in LANGUAGES:
        command += ["-l", language]
    for pattern in ("tests/*", "benchmarks/*", "node_modules/*", ".venv/*"):
        command += ["--ignore", pattern]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=300)
    return {
        language: keys(polib.pofile(str(catalogue_path(copy, language)))) for language in LANGUAGES
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_code_is_in_the_catalogue_and_nothing_stale(extracted, language):
    committed = keys(polib.pofile(str(catalogue_path(ROOT, language))))
    missing = extracted[language] - committed
    stale = committed - extracted[language]
    assert not missing, f"not in locale/{language}: run makemessages: {sorted(missing)[:10]}"
    assert not stale, f"no longer in the code, still in locale/{language}: {sorted(stale)[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_in_every_plural_form_and_none_is_fuzzy(language):
    po = polib.pofile(str(catalogue_path(ROOT, language)))
    assert "nplurals=4" in po.metadata["Plural-Forms"]
    entries = [e for e in po if not e.obsolete]
    assert len(entries) > 400
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    untranslated = [e.msgid for e in entries if not e.translated()]
    assert not fuzzy, fuzzy[:10]
    assert not untranslated, untranslated[:10]
    for entry in entries:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(4)]
            assert all(form.strip() for form in forms), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_finds_no_error_and_reports_nothing_untranslated(language):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", catalogue_path(ROOT, language)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_up_to_date(language, tmp_path):
    """The committed .mo says what the .po says (compilemessages was run)."""
    po = polib.pofile(str(catalogue_path(ROOT, language)))
    mo = polib.mofile(str(catalogue_path(ROOT, language).with_suffix(".mo")))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo
    }
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == (
            entry.msgstr,
            tuple(sorted(entry.msgstr_plural.items())),
        ), entry.msgid
