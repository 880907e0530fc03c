"""The child's name and CPR on an order: sealed, revealed (with a reason, logged), or erased.

After the authority erased the child the order stays usable; only ``child`` reads as the
erased marker, in the API and after any rebuild, because no key to open it is left.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from provider.app.ports import ChildKeys
from provider.app.sealing import TransportKeys, child_of

ERASED: dict[str, Any] = {"erased": True, "name": "[erased]", "cpr": "[erased]"}


class KeyPending(LookupError):
    """The order came before the child's key (another topic): not yet revealable."""


def is_erased(child: Mapping[str, Any] | None) -> bool:
    return bool(child and child.get("erased"))


class ChildData:
    def __init__(self, child_keys: ChildKeys, transport: TransportKeys) -> None:
        self.child_keys, self.transport = child_keys, transport

    async def shown(self, child: Mapping[str, Any]) -> Any:
        """The sealed box as stored, or the erased marker (also for an order that arrived
        after its child's erasure)."""
        child_id = child_of(child)
        if is_erased(child) or (child_id and await self.child_keys.is_erased(child_id)):
            return dict(ERASED)
        return dict(child)

    async def reveal(self, tenant_id: UUID, order_id: UUID, child: Mapping[str, Any]) -> Any:
        """The child as JSON text, or the erased marker. Raises ``KeyPending`` before the
        key arrived, and a crypto error for a box this tenant cannot open."""
        if is_erased(child):
            return dict(ERASED)
        child_id = child_of(child)
        if child_id is None:  # sealed before keys were per child: the transport key
            return self.transport.unseal(tenant_id, dict(child), order_id)
        wrapped = await self.child_keys.load(tenant_id, child_id)
        if wrapped is None:
            if await self.child_keys.is_erased(child_id):
                return dict(ERASED)
            raise KeyPending(str(child_id))
        key = self.transport.unwrap(tenant_id, wrapped, child_id)
        return self.transport.open_child(key, child, order_id)
