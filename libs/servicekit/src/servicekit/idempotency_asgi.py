"""The ASGI pieces of ``servicekit.idempotency``: watching an answer, reading a body once
and handing it on, answering from what was kept."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from starlette.types import Message, Receive, Scope, Send

from servicekit.guard import answer, replay_body

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
    """The whole body (already bounded by ``RequestLimits``), and a ``receive`` that hands it
    on to the route."""
    chunks: list[bytes] = []
    message = await receive()
    while message["type"] == "http.request":
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
        message = await receive()
    body = b"".join(chunks)
    return body, replay_body(body, receive)


async def replay(scope: Scope, send: Send, answer: Answer) -> None:
    headers = [
        (b"content-type", answer.content_type.encode("latin-1")),
        (b"content-length", str(len(answer.body)).encode()),
        (b"idempotent-replayed", b"true"),
    ]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


async def refuse(scope: Scope, send: Send, status: int, code: str, da: str, en: str) -> None:
    await answer(scope, send, status, code, en, texts={"da": da, "en": en})
