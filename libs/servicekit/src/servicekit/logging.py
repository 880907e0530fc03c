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


# FastStream gives its loggers a colour handler unless one on stdout is there, and stops
# their propagation; uvicorn's may have handlers of their own.
_FASTSTREAM = ("faststream", "faststream.access.kafka")
_UVICORN = ("uvicorn", "uvicorn.error", "uvicorn.access")
_QUIET = ("aiokafka", "kafka", *_FASTSTREAM)


class _AtLeastWarning(logging.Filter):
    """Kept on a logger when a library resets its level (FastStream does, to INFO, when a
    broker starts: a line per record would then be written)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def access_line(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """uvicorn's access record as fields, and its path without the query string.

    A query string may carry anything a client typed (a CPR number, a name): it is dropped,
    not masked. The services log their requests themselves (``servicekit.telemetry``); this
    covers uvicorn started with its access log on.
    """
    args = event_dict.pop("positional_args", ())  # the message has them already
    record = event_dict.get("_record")
    if record is None or record.name != "uvicorn.access" or len(args) != 5:
        return event_dict
    _client, method, path, _version, status = args  # the client's address stays out
    event_dict.update(
        event="http_request", method=method, path=str(path).split("?", 1)[0], status=status
    )
    return event_dict


def _renderer(json: bool) -> Any:
    # No colours even in text mode: log files and containers must not carry ANSI escapes.
    return (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )


class _Stdout:
    """Whatever ``sys.stdout`` is when a line is written, not when logging was configured:
    a process that swaps its stdout (a test runner capturing output, a daemon re-opening
    its log) never has its lines sent to a closed file."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()


class _StdoutHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler on whatever ``sys.stdout`` is at the moment (see ``_Stdout``). Its ``stream``
    *is* ``sys.stdout``, so FastStream, which adds a colour handler to its loggers unless
    one on ``sys.stdout`` is there, keeps to this one."""

    @property
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, _: Any) -> None:
        """StreamHandler's constructor sets it; the property decides."""


def configure(service: str, level: str = "INFO", json: bool = True) -> None:
    """structlog for the service's own lines, and the same processors for every stdlib logger
    (uvicorn, alembic, aiokafka, FastStream, SQLAlchemy): one JSON object per line, redacted."""

    def add_service(
        _: Any, __: str, event_dict: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        # Not only a contextvar: tasks started before ``configure`` would not inherit it.
        event_dict.setdefault("service", service)
        return event_dict

    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        add_service,
        add_trace_ids,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, redact, _renderer(json)],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=_Stdout()),  # type: ignore[arg-type]
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name, access_line],
        pass_foreign_args=True,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact,
            _renderer(json),
        ],
    )
    handler = _StdoutHandler()
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    logging.captureWarnings(True)  # Python's warnings too, instead of plain text on stderr
    for name in _UVICORN:
        # The service's LOG_LEVEL decides, not a level an earlier uvicorn.Config left here.
        logging.getLogger(name).handlers = []
        logging.getLogger(name).propagate = True
        logging.getLogger(name).setLevel(logging.NOTSET)
    for name in _FASTSTREAM:
        logging.getLogger(name).handlers = [handler]
        logging.getLogger(name).propagate = False
    for name in _QUIET:
        quiet = logging.getLogger(name)
        quiet.setLevel(logging.WARNING)
        if not any(isinstance(f, _AtLeastWarning) for f in quiet.filters):
            quiet.addFilter(_AtLeastWarning())
