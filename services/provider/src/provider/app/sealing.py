"""Each tenant's transport key: what the authority seals for it, and what it seals back."""

from __future__ import annotations

import base64
import json
from uuid import UUID

from samspil_contracts import Sealed
from servicekit.crypto import derive_transport_key, seal, unseal


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
