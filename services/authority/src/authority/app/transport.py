"""Each provider's transport key: it wraps the child data keys granted to that provider, and
opens what the provider seals back (status reports, concerns)."""

from __future__ import annotations

import base64
import json
from typing import Any
from uuid import UUID

from samspil_contracts import Sealed
from servicekit.crypto import derive_transport_key, seal, unseal


class Transport:
    def __init__(self, master_b64url: str) -> None:
        padded = master_b64url + "=" * (-len(master_b64url) % 4)
        self._master = base64.urlsafe_b64decode(padded)

    def seal(self, provider_id: UUID, value: Any, aad: UUID) -> Sealed:
        kid, key = derive_transport_key(self._master, str(provider_id))
        box = seal(key, kid, json.dumps(value).encode(), str(aad).encode())
        return Sealed.model_validate(box)

    def open_text(self, provider_id: UUID, sealed: Sealed, aad: UUID) -> str:
        kid, key = derive_transport_key(self._master, str(provider_id))
        return unseal({kid: key}, sealed.model_dump(), str(aad).encode()).decode()

    def wrap_key(self, provider_id: UUID, key: bytes, child_id: UUID) -> Sealed:
        """A child's data key for one provider, bound to the child (aad ``child-key:<id>``)."""
        kid, transport = derive_transport_key(self._master, str(provider_id))
        return Sealed.model_validate(seal(transport, kid, key, f"child-key:{child_id}".encode()))
