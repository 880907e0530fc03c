"""Per-case data keys for personal data at rest (crypto-shredding).

The codec that seals and opens personal fields is synchronous (it runs inside the event
store's load/append), so keys are fetched ahead (``prime``) and held here for a short time.
Erasing a child deletes the key in the store and here, once more after the erasure commits
(a concurrent request may have primed the old key in between).

Several replicas: each holds its own cache, so another replica may still open the data
for at most ``ttl_seconds`` after an erasure; then ``prime`` asks the store again and finds
nothing. Keep the TTL short (default 30 s) rather than trust a cache for the life of a process.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

from servicekit.crypto import KeyMissing, new_key, seal, unseal
from sqlalchemy.ext.asyncio import AsyncConnection

from authority.app.ports import KeyStore

DEFAULT_TTL_SECONDS = 30.0


def kid_for(case_id: UUID) -> str:
    return f"case:{case_id}"


class Keyring:
    def __init__(
        self,
        store: KeyStore,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.ttl, self.clock = store, ttl_seconds, clock
        self._keys: dict[UUID, tuple[bytes, float]] = {}  # key, and until when to trust it

    async def prime(self, case_id: UUID) -> None:
        """Make the key usable for this request: from the cache while fresh, else the store."""
        cached = self._keys.get(case_id)
        if cached is not None and cached[1] > self.clock():
            return
        key = await self.store.load(case_id)
        if key is None:
            self._keys.pop(case_id, None)  # erased meanwhile, perhaps by another replica
        else:
            self._remember(case_id, key)

    async def create(self, conn: AsyncConnection, case_id: UUID) -> None:
        key = new_key()
        await self.store.save(conn, case_id, key)
        self._remember(case_id, key)

    async def shred(self, conn: AsyncConnection, case_id: UUID) -> None:
        await self.store.delete(conn, case_id)
        self.forget(case_id)

    def forget(self, case_id: UUID) -> None:
        self._keys.pop(case_id, None)

    def seal_json(self, case_id: UUID, value: Any, aad: str) -> dict[str, str]:
        cached = self._keys.get(case_id)
        if cached is None:
            raise KeyMissing(kid_for(case_id))
        return seal(cached[0], kid_for(case_id), json.dumps(value).encode(), aad.encode())

    def open_json(self, case_id: UUID, sealed: dict[str, str], aad: str) -> Any:
        """Raises ``KeyMissing`` when the key is unknown or was shredded."""
        cached = self._keys.get(case_id)
        keys = {kid_for(case_id): cached[0]} if cached is not None else {}
        return json.loads(unseal(keys, sealed, aad.encode()))

    def _remember(self, case_id: UUID, key: bytes) -> None:
        self._keys[case_id] = (key, self.clock() + self.ttl)
