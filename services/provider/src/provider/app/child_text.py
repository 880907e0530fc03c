"""Free text the provider writes about a child — a status report's narrative, the details
of a concern or of a use of force — sealed with the child's own data key.

That key (``kid`` ``child:<child_id>``) is the one the authority granted for the child of the
order the contract rests on, so erasing the child (the key deleted on both sides) erases
the text in every copy too: this store, Kafka, the authority's log. The aad stays the
report's, concern's or incident's id. Two fallbacks:

* the child was erased: a new text about it is refused (``child_erased``), nobody could
  ever read it;
* the order carries no sealed child, or the grant has not arrived yet (keys travel on a
  topic of their own): the tenant's transport key, as before, because a duty to notify
  must never wait on a key. Such a box outlives an erasure as ciphertext under the
  transport key; both sides still show it as erased once the child is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from samspil_contracts import Sealed
from servicekit.crypto import seal, unseal

from provider.app.personal import is_erased
from provider.app.ports import ChildKeys
from provider.app.sealing import CHILD_KID, TransportKeys, child_of
from provider.domain import DomainError

ERASED_TEXT = "[erased]"


class ChildText:
    def __init__(self, child_keys: ChildKeys, transport: TransportKeys) -> None:
        self.child_keys, self.transport = child_keys, transport

    async def seal(self, tenant_id: UUID, order_id: UUID, text: str, aad: UUID) -> Sealed:
        """``text`` about the child of ``order_id``; ``child_erased`` once it is erased."""
        child = await self.child_keys.child_box(tenant_id, order_id)
        child_id = child_of(child) if child else None
        if await self._erased(child, child_id):
            raise DomainError(
                "child_erased", "The child's data was erased: nothing new is written about it."
            )
        key = await self._key(tenant_id, child_id)
        if child_id is None or key is None:
            return self.transport.seal(tenant_id, text, aad)
        box = seal(key, f"{CHILD_KID}{child_id}", text.encode(), str(aad).encode())
        return Sealed.model_validate(box)

    async def open(
        self, tenant_id: UUID, order_id: UUID, sealed: Mapping[str, str], aad: UUID
    ) -> str:
        """The text, or ``ERASED_TEXT`` once the child of ``order_id`` was erased (whichever
        key sealed it)."""
        child = await self.child_keys.child_box(tenant_id, order_id)
        box_child = child_of(sealed)
        if await self._erased(child, child_of(child) if child else None):
            return ERASED_TEXT
        if box_child is None:  # sealed with the transport key (no key yet, or before keys)
            return self.transport.unseal(tenant_id, dict(sealed), aad)
        key = await self._key(tenant_id, box_child)
        if key is None:  # the key is gone: erased meanwhile
            return ERASED_TEXT
        return unseal({str(sealed["kid"]): key}, sealed, str(aad).encode()).decode()

    async def _erased(self, child: Mapping[str, Any] | None, child_id: UUID | None) -> bool:
        """The marker in the order, or an order that arrived after its child's erasure."""
        return is_erased(child) or (
            child_id is not None and await self.child_keys.is_erased(child_id)
        )

    async def _key(self, tenant_id: UUID, child_id: UUID | None) -> bytes | None:
        if child_id is None:
            return None
        wrapped = await self.child_keys.load(tenant_id, child_id)
        return None if wrapped is None else self.transport.unwrap(tenant_id, wrapped, child_id)
