"""Per-case data keys for personal data at rest (crypto-shredding).

The codec that seals and opens personal fields is synchronous (it runs inside the event
store's load/append), so keys are fetched ahead (``prime``) and held here. Erasing a child
deletes the key in the store and here; from then on the data reads as erased.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from servicekit.crypto import KeyMissing, new_key, seal, unseal
from sqlalchemy.ext.asyncio import AsyncConnection

from authority.app.ports import KeyStore


def kid_for(case_id: UUID) -> str:
    return f"case:{case_id}"


class Keyring:
    def __init__(self, store: KeyStore) -> None:
        self.store = store
        self._keys: dict[UUID, bytes] = {}

    async def prime(self, case_id: UUID) -> None:
        if case_id in self._keys:
            return
        key = await self.store.load(case_id)
        if key is not None:
            self._keys[case_id] = key

    async def create(self, conn: AsyncConnection, case_id: UUID) -> None:
        key = new_key()
        await self.store.save(conn, case_id, key)
        self._keys[case_id] = key

    async def shred(self, conn: AsyncConnection, case_id: UUID) -> None:
        await self.store.delete(conn, case_id)
        self._keys.pop(case_id, None)

    def seal_json(self, case_id: UUID, value: Any, aad: str) -> dict[str, str]:
        key = self._keys.get(case_id)
        if key is None:
            raise KeyMissing(kid_for(case_id))
        return seal(key, kid_for(case_id), json.dumps(value).encode(), aad.encode())

    def open_json(self, case_id: UUID, sealed: dict[str, str], aad: str) -> Any:
        """Raises ``KeyMissing`` when the key is unknown or was shredded."""
        keys = {kid_for(case_id): self._keys[case_id]} if case_id in self._keys else {}
        return json.loads(unseal(keys, sealed, aad.encode()))
