"""CSV and JSON are written row by row, as the rows come, whatever their number."""

import itertools
import json

from reports.streaming import CSV_BOM, csv_lines, json_array


def endless_rows():
    for number in itertools.count(1):
        yield {"title": f"=Row {number}", "amount": None}


def test_csv_lines_come_one_row_at_a_time_from_an_endless_source():
    lines = csv_lines(["title", "amount"], endless_rows())
    assert next(lines) == f"{CSV_BOM}title,amount\r\n'=Row 1,\r\n"
    assert next(lines) == "'=Row 2,\r\n"


def test_a_json_array_comes_one_row_at_a_time_from_an_endless_source():
    pieces = json_array(endless_rows())
    assert next(pieces) == "["
    assert json.loads(next(pieces)) == {"title": "=Row 1", "amount": None}
    assert next(pieces).startswith(",")


def test_no_rows_give_a_header_and_an_empty_array():
    assert "".join(csv_lines(["title"], [])) == f"{CSV_BOM}title\r\n"
    assert "".join(json_array([])) == "[]"
