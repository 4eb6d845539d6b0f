"""Structured logs: each record one JSON object with level, logger, message, extras, traceback."""

import json
import logging

from core.logs import JsonFormatter


def test_a_record_becomes_one_json_line():
    logger = logging.getLogger("commission.test")
    record = logger.makeRecord(
        "commission.test",
        logging.WARNING,
        __file__,
        1,
        "Photo %s failed",
        (42,),
        None,
        extra={"photo": 42},
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "commission.test"
    assert entry["message"] == "Photo 42 failed" and entry["photo"] == 42
    assert entry["time"].endswith("+00:00")


def test_exceptions_keep_their_traceback():
    try:
        raise ValueError("broken original")
    except ValueError:
        import sys

        record = logging.makeLogRecord(
            {
                "name": "photos",
                "levelno": 40,
                "levelname": "ERROR",
                "msg": "failed",
                "exc_info": sys.exc_info(),
            }
        )
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: broken original" in entry["exception"]
