"""Every page template's HTML passes the Nu HTML checker (vnu-jar from npm)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.website.pages import PAGE_TEMPLATES, load_site

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGES = PAGE_TEMPLATES


@pytest.fixture
def site(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_site()


def test_every_page_template_is_valid_html(client, site, tmp_path):
    if not shutil.which("java"):
        pytest.skip("Java is not installed: the Nu HTML checker needs it")
    if not VNU.exists():
        pytest.skip("vnu-jar is not installed (npm install)")
    files = []
    for number, url in enumerate(PAGES):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    page_of = dict(zip(files, PAGES, strict=True))
    problems = [
        f"{page_of.get(m['url'].removeprefix('file:'), m['url'])}: {m.get('message')}"
        f" ({m.get('extract', '')})"
        for m in messages
    ]
    assert not problems, "\n".join(problems)
