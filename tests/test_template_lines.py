"""Templates stay readable: no line longer than 200 characters."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
LIMIT = 200


def test_no_template_line_is_longer_than_200_characters():
    long_lines = [
        f"{path.relative_to(TEMPLATES)}:{number} ({len(line)})"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > LIMIT
    ]
    assert not long_lines, "Break them with {% oneline %} or blocktrans trimmed: " + ", ".join(
        long_lines
    )
