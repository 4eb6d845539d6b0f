"""The Russian and Belarusian catalogues hold every interface string, translated.

Two domains: ``django`` (templates and Python) and ``djangojs`` (the admin's
scripts in ``static/``: the rich text editor's toolbar and dialogs). A string
added to a template, to Python code or to a script and not put in the
catalogues (``make messages``), or put there but left untranslated or fuzzy,
or with a placeholder lost in translation, fails here.
"""

from __future__ import annotations

import json
import re
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
DOMAINS = ("django", "djangojs")
CATALOGUES = [(language, domain) for domain in DOMAINS for language in LANGUAGES]


def catalogue_path(root: Path, language: str, domain: str = "django") -> Path:
    return root / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def keys(po: polib.POFile) -> set[tuple]:
    return {(e.msgctxt, e.msgid, e.msgid_plural or None) for e in po if not e.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str], set[tuple]]:
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
    for domain in DOMAINS:
        subprocess.run(
            [*command, "-d", domain], cwd=copy, check=True, capture_output=True, timeout=300
        )
    return {
        (language, domain): keys(polib.pofile(str(catalogue_path(copy, language, domain))))
        for language, domain in CATALOGUES
    }


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_every_string_of_the_code_is_in_the_catalogue_and_nothing_stale(
    extracted, language, domain
):
    committed = keys(polib.pofile(str(catalogue_path(ROOT, language, domain))))
    missing = extracted[language, domain] - committed
    stale = committed - extracted[language, domain]
    assert not missing, f"not in locale/{language}: run makemessages: {sorted(missing)[:10]}"
    assert not stale, f"no longer in the code, still in locale/{language}: {sorted(stale)[:10]}"


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_every_message_is_translated_in_every_plural_form_and_none_is_fuzzy(language, domain):
    po = polib.pofile(str(catalogue_path(ROOT, language, domain)))
    assert "nplurals=4" in po.metadata["Plural-Forms"]
    assert po.metadata["Language"] == language
    entries = [e for e in po if not e.obsolete]
    assert len(entries) > (400 if domain == "django" else 10)
    fuzzy = [e.msgid for e in entries if "fuzzy" in e.flags]
    untranslated = [e.msgid for e in entries if not e.translated()]
    assert not fuzzy, fuzzy[:10]
    assert not untranslated, untranslated[:10]
    for entry in entries:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(4)]
            assert all(form.strip() for form in forms), entry.msgid


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_msgfmt_finds_no_error_and_reports_nothing_untranslated(language, domain):
    path = catalogue_path(ROOT, language, domain)
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize(("language", "domain"), CATALOGUES)
def test_the_compiled_catalogue_is_up_to_date(language, domain):
    """The committed .mo says what the .po says (compilemessages was run)."""
    po = polib.pofile(str(catalogue_path(ROOT, language, domain)))
    mo = polib.mofile(str(catalogue_path(ROOT, language, domain).with_suffix(".mo")))
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


# --- the rich text editor's own strings ------------------------------------------

#: django-prose-editor's sources (in its source map) of the dialogs our toolbar
#: opens: the dialog itself (Update, Cancel) and the link's.
EDITOR_DIALOG_SOURCES = ("src/utils.js", "src/link.js")
#: Its strings for options static/admin_extra/richtext.js switches off.
EDITOR_SWITCHED_OFF = {"Open in new window"}  # Link.configure({ enableTarget: false })
GETTEXT_CALL = re.compile(r"""gettext(?:_noop)?\(\s*(["'])(.+?)\1\s*\)""")


def editor_dialog_strings() -> set[str]:
    import django_prose_editor

    source_map = Path(django_prose_editor.__file__).parent.joinpath(
        "static", "django_prose_editor", "editor.js.map"
    )
    data = json.loads(source_map.read_text(encoding="utf-8"))
    sources = dict(zip(data["sources"], data["sourcesContent"], strict=True))
    return {
        match[1] for name in EDITOR_DIALOG_SOURCES for match in GETTEXT_CALL.findall(sources[name])
    }


def test_the_editor_strings_our_toolbar_shows_are_listed_for_the_catalogue():
    """The installed editor's dialog strings are the ones richtext.js lists (an upgrade shows)."""
    script = (ROOT / "static" / "admin_extra" / "richtext.js").read_text(encoding="utf-8")
    listed = set(
        re.findall(
            r'gettext_noop\("(.+?)"\)', script.split("const EDITOR_STRINGS")[1].split("];")[0]
        )
    )
    in_editor = editor_dialog_strings()
    assert in_editor, "no gettext() call found in the editor's dialogs: has its source map moved?"
    assert listed == in_editor - EDITOR_SWITCHED_OFF
    for language in LANGUAGES:
        po = polib.pofile(str(catalogue_path(ROOT, language, "djangojs")))
        translated = {e.msgid for e in po if e.translated() and not e.obsolete}
        assert listed <= translated, (language, sorted(listed - translated))
