"""Production mode refuses to start without the values it needs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-test-only-0123456789",
    "ALLOWED_HOSTS": "commission.example.org",
    "DATABASE_URL": "sqlite:////tmp/commission-settings-test.sqlite3",
}


def load_settings(
    env: dict[str, str], show: str = "print(settings.DEBUG)"
) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    return subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; {show}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_starts_in_production_with_every_required_variable():
    result = load_settings(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_it_refuses_production_without(missing):
    env = dict(PRODUCTION)
    env[missing] = ""
    result = load_settings(env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert missing in lines[0]


def test_development_needs_no_environment():
    result = load_settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
