"""Log lines are JSON, carry the service and handling ids, and never personal data."""

from __future__ import annotations

import json

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
