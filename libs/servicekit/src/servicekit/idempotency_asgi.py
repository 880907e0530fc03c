"""The ASGI pieces of ``servicekit.idempotency``: watching an answer, reading a body once
and handing it on, answering from what was kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from starlette.types import Message, Receive, Scope, Send

from servicekit.problems import problem_response

CREDENTIALS = (b"x-api-key", b"authorization")


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


@dataclass
class Seen:
    status: int = 500
    content_type: str = "application/json"
    chunks: list[bytes] = field(default_factory=list)

    def note(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            for name, value in message.get("headers", ()):
                if name.lower() == b"content-type":
                    self.content_type = value.decode("latin-1")
        elif message["type"] == "http.response.body":
            self.chunks.append(message.get("body", b""))

    def answer(self) -> Answer:
        return Answer(self.status, self.content_type, b"".join(self.chunks))


def header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def owner_of(scope: Scope) -> str | None:
    """A hash of the caller's credential: the key is the caller's, never in clear here."""
    for name in CREDENTIALS:
        if (credential := header(scope, name)) is not None:
            return hashlib.sha256(credential.encode("latin-1")).hexdigest()
    return None


def fingerprint(scope: Scope, body: bytes) -> str:
    target = f"{scope['method']} {scope['path']}?{scope.get('query_string', b'').decode()}"
    return hashlib.sha256(target.encode() + b"\n" + body).hexdigest()


async def read_body(receive: Receive) -> tuple[bytes, Receive]:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body, sent = b"".join(chunks), False

    async def again() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return body, again


async def replay(scope: Scope, send: Send, answer: Answer) -> None:
    headers = [
        (b"content-type", answer.content_type.encode("latin-1")),
        (b"content-length", str(len(answer.body)).encode()),
        (b"idempotent-replayed", b"true"),
    ]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


async def refuse(scope: Scope, send: Send, status: int, code: str, da: str, en: str) -> None:
    response = problem_response(
        status,
        code,
        code.replace("_", " "),
        en,
        scope["path"],
        scope=scope,
        texts={"da": da, "en": en},
    )

    async def no_receive() -> Message:  # pragma: no cover - responses read no request
        return {"type": "http.disconnect"}

    await response(scope, no_receive, send)
