"""What every request passes before a route sees it, and what answers when a route fails.

``RequestLimits`` refuses a body over the service's limit (413) and text no database column
can hold: a NUL character in the path, the query or a JSON or form body (PostgreSQL refuses
``\\u0000`` in text and JSON alike, so it used to surface as a 500). ``Unhandled`` is the last
line: an exception no handler mapped becomes a problem+json 500 that carries the request's
correlation id, and the log line names the exception's type and where it was raised, never
its message (messages echo input, SQL parameters, personal data).
"""

from __future__ import annotations

import re
import traceback

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.problems import problem_response
from servicekit.telemetry import route_of

log = structlog.get_logger(__name__)

# A JSON ``\u0000`` escape that is not itself escaped (``\\u0000`` is a backslash and text).
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
FORM_NUL = re.compile(rb"%00|\x00")
JSON_TYPES = ("application/json", "application/problem+json", "application/merge-patch+json")
FORM_TYPE = "application/x-www-form-urlencoded"


def _content_type(scope: Scope) -> str:
    for key, value in scope.get("headers", ()):
        if key == b"content-type":
            return str(value.decode("latin-1").split(";")[0].strip().lower())
    return ""


def _declared_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", ()):
        if key == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None
    return None


def _has_nul(scope: Scope, body: bytes) -> bool:
    if "\x00" in scope["path"] or FORM_NUL.search(scope.get("query_string", b"")):
        return True
    kind = _content_type(scope)
    if kind in JSON_TYPES:
        return JSON_NUL.search(body) is not None
    return kind == FORM_TYPE and FORM_NUL.search(body) is not None


async def _answer(scope: Scope, send: Send, status: int, code: str, detail: str) -> None:
    response = problem_response(status, code, code.replace("_", " "), detail, scope["path"])
    await response(scope, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - responses read no request
    return {"type": "http.disconnect"}


class RequestLimits:
    """Pure ASGI: the body is read (at most ``max_body_bytes``) and handed on unchanged."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app, self.max_body_bytes = app, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await self._too_large(scope, send)
            return
        body, complete = await self._read(receive)
        if not complete:
            await self._too_large(scope, send)
            return
        if _has_nul(scope, body):
            detail = "text must not contain NUL characters (\\u0000)"
            await _answer(scope, send, 422, "invalid_request", detail)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> tuple[bytes, bool]:
        """The whole body, or (what was read, False) once it passes the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return b"", False
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), True

    async def _too_large(self, scope: Scope, send: Send) -> None:
        detail = f"the request body is larger than {self.max_body_bytes} bytes"
        await _answer(scope, send, 413, "payload_too_large", detail)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # the disconnect, when it comes

    return replay


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
                correlation_id=correlation_id,
            )
            await response(scope, _no_receive, send)
