"""Production settings: check --deploy is clean; every response carries the security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import make_meeting

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "x7!" * 20 + "production-secret-for-the-deploy-check",
        "ALLOWED_HOSTS": "commission.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/deploy.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/en/meetings/", "/admin/login/", "/robots.txt", "/health/"]
)
def test_security_headers_on_every_response(client, url):
    make_meeting()
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style(client):
    import re

    make_meeting()
    for url in ("/en/", "/en/meetings/", "/en/aid/"):
        page = client.get(url).content.decode()
        assert " style=" not in page, url
        assert "<style" not in page, url
        scripts = re.findall(r"<script([^>]*)>", page)
        # Data, or code from the site's own static files: never inline code.
        assert all(
            'type="application/ld+json"' in attrs or re.search(r'\ssrc="/static/[^"]+\.js"', attrs)
            for attrs in scripts
        ), (url, scripts)
        assert any("site.js" in attrs for attrs in scripts), url
        assert not re.search(r"\son[a-z]+=", page), url
