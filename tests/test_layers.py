"""The architecture's layers (pyproject.toml, [tool.importlinter]) hold: nothing
below imports what is above it, so the roof cannot grow back into the ground."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent


def lint_imports() -> str:
    script = Path(sys.executable).with_name("lint-imports")
    command = str(script) if script.exists() else shutil.which("lint-imports")
    if command is None:
        pytest.fail("lint-imports is missing: install the dev dependencies (import-linter)")
    return command


def test_the_import_contracts_are_kept():
    result = subprocess.run(
        [lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_broken_contract_is_reported(tmp_path):
    """The check would fail: a module of core importing the site breaks the layers."""
    package = tmp_path / "project"
    for name in ("core", "website"):
        (package / name).mkdir(parents=True)
        (package / name / "__init__.py").write_text("")
    (package / "core" / "text.py").write_text("import website.views\n")
    (package / "website" / "views.py").write_text("")
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\n"
        'root_packages = ["core", "website"]\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "layers"\n'
        'type = "layers"\n'
        'layers = ["website", "core"]\n'
    )
    result = subprocess.run(
        [lint_imports(), "--config", str(config), "--no-cache"],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(package), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "core.text -> website.views" in result.stdout


def test_the_core_has_no_models():
    assert list(apps.get_app_config("core").get_models()) == []
