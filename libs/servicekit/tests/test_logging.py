"""Log lines are JSON, carry the service and handling ids, and never personal data."""

from __future__ import annotations

import json
import logging as std
import sys

import pytest
import structlog
from servicekit import logging


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_a_cpr_number_and_a_name_never_reach_the_log(capsys: pytest.CaptureFixture[str]) -> None:
    # Given the service's logging
    logging.configure("authority")
    log = structlog.get_logger("test")
    # When code logs a CPR-like number in text, a name field, and a name inside a payload
    log.info(
        "lookup for 010315-1234 failed",
        name="Emil Hansen",
        body={"child": {"name": "Emil Hansen"}, "note": "cpr 0103151234"},
        detail="parent name=Mette Hansen, custody shared",
    )
    # Then none of it is in the output, and the rest is
    out = capsys.readouterr().out
    assert "0103151234" not in out
    assert "010315-1234" not in out
    assert "Emil" not in out
    assert "Mette" not in out
    (line,) = lines(out)
    assert line["name"] == "[redacted]"
    assert line["event"] == "lookup for [cpr] failed"
    assert line["body"] == {"child": "[redacted]", "note": "cpr [cpr]"}
    assert line["detail"] == "parent name=[redacted], custody shared"
    assert line["service"] == "authority"


def test_ids_bound_for_one_record_do_not_leak_to_the_next(
    capsys: pytest.CaptureFixture[str],
) -> None:
    logging.configure("provider")
    log = structlog.get_logger("test")
    # Given ids bound while one record is handled
    with structlog.contextvars.bound_contextvars(correlation_id="c-1", causation_id="e-1"):
        log.info("handling")
    # When the next line is written outside it
    log.info("idle")
    handling, idle = lines(capsys.readouterr().out)
    # Then only the first carries them
    assert (handling["correlation_id"], handling["causation_id"]) == ("c-1", "e-1")
    assert "correlation_id" not in idle
    assert idle["service"] == "provider"


def test_library_loggers_write_the_same_json_lines_with_the_handling_ids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given the service's logging
    logging.configure("scheduler")
    # When uvicorn, alembic, aiokafka and FastStream log through the standard library
    with structlog.contextvars.bound_contextvars(correlation_id="c-9"):
        std.getLogger("uvicorn.error").info("Started server process [%d]", 42)
        std.getLogger("alembic.runtime.migration").info("Running upgrade -> %s", "0001")
        std.getLogger("aiokafka.conn").error("Unable connect to %s", "127.0.0.1:1")
        std.getLogger("faststream.access.kafka").error("handler failed for 010315-1234")
    # Then each is one JSON object with the service, level, logger and ids, without colours
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    rendered = lines(out)
    assert [line["event"] for line in rendered] == [
        "Started server process [42]",
        "Running upgrade -> 0001",
        "Unable connect to 127.0.0.1:1",
        "handler failed for [cpr]",
    ]
    assert all(line["service"] == "scheduler" for line in rendered)
    assert all(line["correlation_id"] == "c-9" for line in rendered)
    assert rendered[2]["level"] == "error"
    assert rendered[2]["logger"] == "aiokafka.conn"
    assert len(rendered) == len(out.splitlines())  # nothing else, nothing in plain text


def test_fast_streams_colour_handler_is_not_added_when_a_broker_starts_logging(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from faststream._internal.logger.logging import get_logger  # noqa: PLC0415

    # Given the service's logging, then FastStream setting up its access logger (at start)
    logging.configure("provider")
    access = get_logger("faststream.access.kafka", std.INFO, sys.stdout, "%(message)s")
    # When it logs a record's failure
    access.warning("failed on topic x")
    # Then the line is ours: JSON, no ANSI colour codes, and only once (no plain-text twin)
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert len(out.splitlines()) == 1, out
    (line,) = lines(out)
    assert line["event"] == "failed on topic x"


def test_uvicorns_access_line_loses_its_query_string(capsys: pytest.CaptureFixture[str]) -> None:
    # Given the service's logging
    logging.configure("authority")
    # When uvicorn logs an access line whose query carries a CPR number and a name
    record = ("10.0.0.7:5555", "GET", "/children?cpr=0103151234&name=Emil", "1.1", 200)
    std.getLogger("uvicorn.access").warning('%s - "%s %s HTTP/%s" %d', *record)
    # Then the line has the path without the query, and not the client's address
    out = capsys.readouterr().out
    (line,) = lines(out)
    assert (line["event"], line["path"], line["status"]) == ("http_request", "/children", 200)
    assert "0103151234" not in out
    assert "Emil" not in out
    assert "10.0.0.7" not in out
