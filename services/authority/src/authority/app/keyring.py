"""Per-child data keys for personal data at rest and on the wire (crypto-shredding).

A child may have several cases; all of them, and every order sent about the child, are
sealed with the child's one key (``kid`` ``child:<child_id>``), so erasing that key erases
the child's data in every copy. Sealing and opening take a ``ChildKey``, which only
``Keyring.key_for`` makes, fetching it (so nothing can open data with a key nobody
fetched): it holds the key, or says the child's data was erased — the case is linked to
its child but the key is gone. A case with no child linked raises ``KeyMissing``: that is
not an erasure and never reads as one. Keys are held here for a short time. Erasing deletes
the key in the store and here, once more after the erasure commits (a concurrent request
may have fetched the old key).

Several replicas: each holds its own cache, so another replica may still open the data
for at most ``ttl_seconds`` after an erasure; then ``key_for`` asks the store again and
finds nothing. Keep the TTL short (default 30 s) rather than trust a cache for the life of
a process.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

from servicekit.crypto import KeyMissing, new_key, seal, unseal
from sqlalchemy.ext.asyncio import AsyncConnection

from authority.app.ports import KeyStore

DEFAULT_TTL_SECONDS = 30.0


def kid_for(child_id: UUID) -> str:
    return f"child:{child_id}"


@dataclass(frozen=True, repr=False)
class ChildKey:
    """A case's child and its data key as just fetched; ``key`` None: the data is erased."""

    child_id: UUID
    key: bytes | None

    @property
    def erased(self) -> bool:
        return self.key is None

    def value(self) -> bytes:
        """The key itself; ``KeyMissing`` once erased."""
        if self.key is None:
            raise KeyMissing(kid_for(self.child_id))
        return self.key

    def seal_json(self, value: Any, aad: str) -> dict[str, str]:
        """Raises ``KeyMissing`` once erased."""
        return seal(self.value(), kid_for(self.child_id), json.dumps(value).encode(), aad.encode())

    def open_json(self, sealed: dict[str, str], aad: str) -> Any:
        """Raises ``KeyMissing`` once erased. Boxes sealed before keys were per child name
        the case (``case:<id>``): the case's child key opens them too (the migration made
        each such case key its own child's key)."""
        return json.loads(unseal({sealed["kid"]: self.value()}, sealed, aad.encode()))


class Keyring:
    def __init__(
        self,
        store: KeyStore,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.ttl, self.clock = store, ttl_seconds, clock
        self._children: dict[UUID, UUID] = {}  # case → child never changes
        self._keys: dict[UUID, tuple[bytes, float]] = {}  # key, and until when to trust it

    async def child_of(self, case_id: UUID) -> UUID | None:
        if case_id not in self._children:
            child = await self.store.child_of(case_id)
            if child is None:
                return None
            self._children[case_id] = child
        return self._children[case_id]

    async def key_for(self, case_id: UUID) -> ChildKey:
        """The case's child key: from the cache while fresh, else the store. ``KeyMissing``
        when no child is linked to the case (not an erasure: erasing keeps the link)."""
        child = await self.child_of(case_id)
        if child is None:
            raise KeyMissing(f"case:{case_id}")
        cached = self._keys.get(child)
        if cached is not None and cached[1] > self.clock():
            return ChildKey(child, cached[0])
        key = await self.store.load(child)
        if key is None:
            self._keys.pop(child, None)  # erased meanwhile, perhaps by another replica
        else:
            self._remember(child, key)
        return ChildKey(child, key)

    async def open_case(self, conn: AsyncConnection, case_id: UUID, cpr_digits: str) -> UUID:
        """The child's key for a new case: the one it already has, or a new one."""
        return await self.seal_for(conn, case_id, cpr_digits)

    async def seal_for(self, conn: AsyncConnection, subject_id: UUID, cpr_digits: str) -> UUID:
        """Whatever ``subject_id`` names (a case, a notification of concern about the child)
        is sealed with the child's key from now on: the one it has, or a new one."""
        child = await self.store.find(conn, cpr_digits)
        if child is None:
            child, key = uuid4(), new_key()
            if await self.store.save(conn, child, key, cpr_digits):
                self._remember(child, key)
            else:  # another case of this child, opened at the same moment, made the key
                child = await self.store.find(conn, cpr_digits)
                if child is None:
                    raise KeyMissing("child key raced by an erasure")
                await self._fetch(child)
        else:
            await self._fetch(child)
        await self.link(conn, subject_id, child)
        return child

    async def link(self, conn: AsyncConnection, subject_id: UUID, child_id: UUID) -> None:
        await self.store.link(conn, subject_id, child_id)
        self._children[subject_id] = child_id

    async def _fetch(self, child: UUID) -> None:
        found = await self.store.load(child)
        if found is not None:
            self._remember(child, found)

    async def shred(self, conn: AsyncConnection, child_id: UUID) -> list[UUID]:
        """Delete the key; the providers that held a copy (they get a tombstone)."""
        holders = await self.store.delete(conn, child_id)
        self.forget(child_id)
        return holders

    def forget(self, child_id: UUID) -> None:
        self._keys.pop(child_id, None)

    def _remember(self, child_id: UUID, key: bytes) -> None:
        self._keys[child_id] = (key, self.clock() + self.ttl)
