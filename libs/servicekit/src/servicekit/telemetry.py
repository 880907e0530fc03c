"""Per-request telemetry: a server span, a latency histogram and log context.

``install(app)`` is called by :func:`servicekit.app.create_app`, so every service gets it.
The OpenTelemetry FastAPI instrumentation makes the server span (named after the route
template) and wraps the whole middleware stack, so the span is current in the handlers and
every integration event published there carries it as ``traceparent``. Inside it,
:class:`RequestContext` times the request and binds the ids every log line carries.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import structlog
from fastapi import FastAPI
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.metrics import HTTP_LATENCY, UNMATCHED_ROUTE

CORRELATION_HEADER = "x-correlation-id"
REQUEST_HEADER = "x-request-id"
# Probes every few seconds would drown the traces (matched against the full URL).
NOT_TRACED = r"//[^/]+/(healthz|readyz|metrics)(\?|$)"
PROBES = frozenset({"/healthz", "/readyz", "/metrics"})  # not logged either
log = structlog.get_logger("servicekit.http")


def install(app: FastAPI) -> None:
    app.add_middleware(RequestContext)
    # No per-chunk "http send/receive" spans: they double a trace's size and say little.
    FastAPIInstrumentor.instrument_app(
        app, excluded_urls=NOT_TRACED, exclude_spans=["receive", "send"]
    )


def _header(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.decode("latin-1").lower() == name:
            text: str = value.decode("latin-1")
            return text
    return None


def _uuid_or_new(value: str | None) -> str:
    """A caller's id if it is a UUID (anything else could smuggle text into logs)."""
    try:
        return str(uuid.UUID(value)) if value else str(uuid.uuid4())
    except ValueError:
        return str(uuid.uuid4())


def route_of(scope: Scope) -> str:
    route: Any = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class RequestContext:
    """Pure ASGI (no BaseHTTPMiddleware): keeps contextvars and streaming intact."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        correlation_id = _uuid_or_new(_header(scope, CORRELATION_HEADER))
        request_id = _uuid_or_new(_header(scope, REQUEST_HEADER))
        status = 500  # what the client gets if the app raises before answering

        async def send_with_ids(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", []))
                headers.append((CORRELATION_HEADER.encode(), correlation_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        started = time.perf_counter()
        # A request is caused by nothing we recorded: its own id stands as the cause.
        with structlog.contextvars.bound_contextvars(
            correlation_id=correlation_id, causation_id=request_id
        ):
            try:
                await self.app(scope, receive, send_with_ids)
            finally:
                elapsed = time.perf_counter() - started
                HTTP_LATENCY.labels(scope["method"], route_of(scope), str(status)).observe(elapsed)
                if scope.get("path") not in PROBES:
                    _access_line(scope, status, elapsed)


def _access_line(scope: Scope, status: int, elapsed: float) -> None:
    """The access log, with the request's ids. The path goes without its query string (a
    client may put anything there: a CPR number, a name), and the client's address is left
    out; uvicorn's own access log is switched off (``servicekit.app.serve``)."""
    log.info(
        "http_request",
        method=scope["method"],
        route=route_of(scope),
        path=scope.get("path", ""),
        status=status,
        duration_ms=round(elapsed * 1000, 1),
    )


def request_correlation_id() -> uuid.UUID | None:
    """The correlation id of the request being handled (for commands to adopt)."""
    value = structlog.contextvars.get_contextvars().get("correlation_id")
    return uuid.UUID(value) if isinstance(value, str) else None
