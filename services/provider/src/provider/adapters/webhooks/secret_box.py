"""Webhook secrets at rest: sealed with AES-256-GCM, bound to their tenant.

The database never holds a secret in clear, and the associated data (the tenant id) stops a
sealed value from being copied onto another tenant's endpoint row.
"""

from __future__ import annotations

import json

from servicekit.crypto import seal, unseal

_KID = "webhook-secrets"


class SecretBox:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the webhook secrets key must be 32 bytes (AES-256)")
        self._keys = {_KID: key}

    def seal(self, tenant_id: str, secrets: list[str]) -> str:
        plaintext = json.dumps(secrets).encode()
        return json.dumps(seal(self._keys[_KID], _KID, plaintext, tenant_id.encode()))

    def unseal(self, tenant_id: str, sealed: str) -> list[str]:
        plaintext = unseal(self._keys, json.loads(sealed), tenant_id.encode())
        secrets: list[str] = json.loads(plaintext)
        return secrets

    def __repr__(self) -> str:
        return "SecretBox(<key hidden>)"
