"""The last line: an exception no handler mapped becomes a problem+json 500.

The answer carries the request's correlation id, so a user can quote it; the log line names
the exception's type and the frames where it was raised, never its message (messages echo
input, SQL parameters, personal data).
"""

from __future__ import annotations

import traceback

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.guard import no_receive
from servicekit.problems import problem_response
from servicekit.telemetry import route_of

log = structlog.get_logger(__name__)


class Unhandled:
    """Pure ASGI: the catch-all inside the request context (so the correlation id is bound)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            frames = traceback.extract_tb(exc.__traceback__)
            log.error(
                "unhandled_error",
                error_type=type(exc).__name__,
                method=scope.get("method"),
                route=route_of(scope),
                at=[f"{f.filename}:{f.lineno} {f.name}" for f in frames[-8:]],
            )
            if started:  # too late for an answer: the client sees the connection end
                return
            correlation_id = structlog.contextvars.get_contextvars().get("correlation_id")
            detail = "an unexpected error; quote the correlation id when you report it"
            response = problem_response(
                500,
                "internal_error",
                "internal error",
                detail,
                scope["path"],
                scope=scope,
                correlation_id=correlation_id,
            )
            await response(scope, no_receive, send)
