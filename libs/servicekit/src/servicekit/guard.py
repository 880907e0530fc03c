"""What every request passes before a route sees it.

``RequestLimits`` refuses a body over the service's limit (413) and text no database column
can hold: a NUL character in the path, the query or a JSON or form body (PostgreSQL refuses
``\\u0000`` in text and JSON alike, so it used to surface as a 500).
"""

from __future__ import annotations

import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.problems import problem_response

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


async def answer(
    scope: Scope, send: Send, status: int, code: str, detail: str, **extra: Any
) -> None:
    """A problem answered from ASGI middleware, before any route."""
    response = problem_response(
        status, code, code.replace("_", " "), detail, scope["path"], scope=scope, **extra
    )
    await response(scope, no_receive, send)


async def no_receive() -> Message:  # pragma: no cover - responses read no request
    return {"type": "http.disconnect"}


class RequestLimits:
    """Pure ASGI: the body is read (at most ``max_body_bytes``; a file upload, which is
    multipart, at most ``max_upload_bytes``) and handed on unchanged."""

    def __init__(self, app: ASGIApp, max_body_bytes: int, max_upload_bytes: int = 0) -> None:
        self.app, self.max_body_bytes = app, max_body_bytes
        self.max_upload_bytes = max(max_upload_bytes, max_body_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await self._too_large(scope, send, limit)
            return
        body, complete = await self._read(receive, limit)
        if not complete:
            await self._too_large(scope, send, limit)
            return
        if _has_nul(scope, body):
            detail = "text must not contain NUL characters (\\u0000)"
            await answer(scope, send, 422, "invalid_request", detail)
            return
        await self.app(scope, replay_body(body, receive), send)

    def _limit(self, scope: Scope) -> int:
        multipart = _content_type(scope) == "multipart/form-data"
        return self.max_upload_bytes if multipart else self.max_body_bytes

    async def _read(self, receive: Receive, limit: int) -> tuple[bytes, bool]:
        """The whole body, or (what was read, False) once it passes the limit."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks), True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                return b"", False
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), True

    async def _too_large(self, scope: Scope, send: Send, limit: int) -> None:
        detail = f"the request body is larger than {limit} bytes"
        await answer(scope, send, 413, "payload_too_large", detail)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """``receive`` handing on a body already read, once, then the rest of the stream."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # the disconnect, when it comes

    return replay
