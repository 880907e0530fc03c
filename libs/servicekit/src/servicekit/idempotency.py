"""``Idempotency-Key`` on POST: a client that retries after a lost answer gets the first
answer, not a second effect.

The same key with the same request (method, path, query, body) answers what the first one
answered, with ``Idempotent-Replayed: true``; the same key with another request is a 422
``idempotency_key_reused``; while the first is still running, a 409
``idempotency_key_in_progress``. Keys belong to the credential that sent them (a hash of it:
two callers never share a key) and are kept for ``KEEP``. Only answers that settle the request
are kept: 2xx and the 4xx refusals of the request itself; a 5xx, 401, 403, 409 or 429 can be
retried with the same key and runs again.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Literal, Protocol

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from servicekit.idempotency_asgi import (
    Answer,
    Seen,
    fingerprint,
    header,
    owner_of,
    read_body,
    refuse,
    replay,
)

HEADER = b"idempotency-key"
KEEP = timedelta(hours=24)
VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")  # visible ASCII, as UUIDs and ULIDs are
RETRYABLE = frozenset({401, 403, 409, 429})
TEXTS = {
    "idempotency_key_reused": (
        "Idempotency-Key er brugt til en anden forespørgsel. Brug en ny nøgle.",
        "The Idempotency-Key was used for another request. Use a new key.",
    ),
    "idempotency_key_in_progress": (
        "Den første forespørgsel med denne Idempotency-Key er ikke færdig. Prøv igen om lidt.",
        "The first request with this Idempotency-Key has not finished. Retry shortly.",
    ),
    "invalid_idempotency_key": (
        "Idempotency-Key skal være 1-255 synlige ASCII-tegn, fx et UUID.",
        "The Idempotency-Key must be 1-255 visible ASCII characters, e.g. a UUID.",
    ),
}


Begun = Literal["new", "reused", "pending"] | Answer


class IdempotencyStore(Protocol):
    async def begin(self, owner: str, key: str, fingerprint: str) -> Begun:
        """Claim the key (``"new"``), or say what became of the first request with it."""

    async def finish(self, owner: str, key: str, answer: Answer) -> None: ...

    async def abandon(self, owner: str, key: str) -> None: ...


class IdempotencyKeys:
    """Pure ASGI, inside the request limits (the body is already bounded)."""

    def __init__(self, app: ASGIApp, store: IdempotencyStore) -> None:
        self.app, self.store = app, store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = header(scope, HEADER)
        owner = owner_of(scope)
        if scope["type"] != "http" or scope["method"] != "POST" or key is None or owner is None:
            await self.app(scope, receive, send)
            return
        if not VALID_KEY.match(key):
            await _refuse(scope, send, 422, "invalid_idempotency_key")
            return
        body, receive = await read_body(receive)
        begun = await self.store.begin(owner, key, fingerprint(scope, body))
        if isinstance(begun, Answer):
            await replay(scope, send, begun)
        elif begun == "reused":
            await _refuse(scope, send, 422, "idempotency_key_reused")
        elif begun == "pending":
            await _refuse(scope, send, 409, "idempotency_key_in_progress")
        else:
            await self._first(scope, receive, send, owner, key)

    async def _first(
        self, scope: Scope, receive: Receive, send: Send, owner: str, key: str
    ) -> None:
        seen = Seen()

        async def watching(message: Message) -> None:
            seen.note(message)
            await send(message)

        try:
            await self.app(scope, receive, watching)
        except BaseException:
            await self.store.abandon(owner, key)
            raise
        if seen.status < 500 and seen.status not in RETRYABLE:
            await self.store.finish(owner, key, seen.answer())
        else:
            await self.store.abandon(owner, key)


async def _refuse(scope: Scope, send: Send, status: int, code: str) -> None:
    await refuse(scope, send, status, code, *TEXTS[code])
