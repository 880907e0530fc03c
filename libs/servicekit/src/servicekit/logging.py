"""Structured JSON logs with service, correlation and trace ids, and no personal data.

Personal data must never reach a log. Code should not log it in the first place; the
``redact`` processor is the safety net: values under keys that name such data are
replaced (also inside nested dicts and lists), and CPR-like numbers in any string are
masked. Request and record handlers bind ``correlation_id``/``causation_id`` per
request/record (see ``servicekit.telemetry`` and ``servicekit.inbound``).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from opentelemetry import trace

SENSITIVE_KEYS = frozenset({"cpr", "name", "child", "parents", "custody", "guardian", "person"})
CPR_PATTERN = re.compile(r"\b\d{6}-?\d{4}\b")
# ``name=Emil Hansen`` or ``"name": "Emil"`` written into a message string.
NAME_IN_TEXT = re.compile(r"""(\bname["']?\s*[=:]\s*["']?)[^,;}\n"']+""", re.IGNORECASE)
REDACTED = "[redacted]"


def _sensitive(key: object) -> bool:
    return str(key).lower() in SENSITIVE_KEYS


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return NAME_IN_TEXT.sub(rf"\g<1>{REDACTED}", CPR_PATTERN.sub("[cpr]", value))
    if isinstance(value, dict):
        return {k: REDACTED if _sensitive(k) else _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def redact(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in list(event_dict):
        if _sensitive(key):
            event_dict[key] = REDACTED
        else:
            event_dict[key] = _scrub(event_dict[key])
    return event_dict


def add_trace_ids(
    _: Any, __: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """Lets a log line be found from its trace and the reverse."""
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event_dict.setdefault("trace_id", format(context.trace_id, "032x"))
        event_dict.setdefault("span_id", format(context.span_id, "016x"))
    return event_dict


def configure(service: str, level: str = "INFO", json: bool = True) -> None:
    renderer: Any = structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()

    def add_service(
        _: Any, __: str, event_dict: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        # Not only a contextvar: tasks started before ``configure`` would not inherit it.
        event_dict.setdefault("service", service)
        return event_dict

    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            add_service,
            add_trace_ids,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    logging.basicConfig(level=level, stream=sys.stdout, format="%(levelname)s %(name)s %(message)s")
    for noisy in ("aiokafka", "kafka", "faststream"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
