"""Each tenant's transport key, and the child data keys it unwraps.

The authority seals a child's name and CPR with the child's own data key (``kid``
``child:<child_id>``) and grants that key to the tenant wrapped with the tenant's transport
key. What a tenant seals back (status reports, concerns) uses its transport key directly.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from uuid import UUID

from samspil_contracts import Sealed
from servicekit.crypto import derive_transport_key, seal, unseal

CHILD_KID = "child:"


def child_of(sealed: Mapping[str, str]) -> UUID | None:
    """The child whose key sealed this box, or None for a box of another kind."""
    kid = str(sealed.get("kid", ""))
    return UUID(kid.removeprefix(CHILD_KID)) if kid.startswith(CHILD_KID) else None


class TransportKeys:
    def __init__(self, master_b64url: str) -> None:
        self._master = base64.urlsafe_b64decode(master_b64url + "=" * (-len(master_b64url) % 4))

    def key_for(self, tenant_id: UUID) -> tuple[str, bytes]:
        return derive_transport_key(self._master, str(tenant_id))

    def seal(self, tenant_id: UUID, plaintext: str, aad: UUID) -> Sealed:
        """The aad binds the box to its subject (order, report, concern id)."""
        kid, key = self.key_for(tenant_id)
        return Sealed.model_validate(seal(key, kid, plaintext.encode(), str(aad).encode()))

    def unseal(self, tenant_id: UUID, sealed: dict[str, str], aad: UUID) -> str:
        kid, key = self.key_for(tenant_id)
        return unseal({kid: key}, sealed, str(aad).encode()).decode()

    def seal_text(self, tenant_id: UUID, plaintext: str, aad: UUID) -> str:
        """As JSON text, for a domain field that must never hold the words in clear."""
        return json.dumps(self.seal(tenant_id, plaintext, aad).model_dump())

    def unwrap(self, tenant_id: UUID, wrapped: Mapping[str, str], child_id: UUID) -> bytes:
        """A granted child key (bound to the child by its aad ``child-key:<id>``)."""
        kid, key = self.key_for(tenant_id)
        return unseal({kid: key}, wrapped, f"child-key:{child_id}".encode())

    def open_child(self, child_key: bytes, sealed: Mapping[str, str], order_id: UUID) -> str:
        """The child's name and CPR as JSON text, from an order's sealed ``child``."""
        return unseal({str(sealed["kid"]): child_key}, sealed, str(order_id).encode()).decode()
