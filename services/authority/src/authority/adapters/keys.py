"""Case data keys, wrapped with a key-encryption key (KEK) before they touch the database."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from uuid import UUID

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from servicekit.crypto import seal, unseal
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.tables import case_keys

KEK_ID = "kek:v1"


def derive_kek(master_b64url: str) -> bytes:
    """The KEK from a master secret (HKDF with its own label: not a transport key)."""
    master = base64.urlsafe_b64decode(master_b64url + "=" * (-len(master_b64url) % 4))
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"samspil/case-kek/v1")
    return hkdf.derive(master)


class SqlKeyStore:
    def __init__(self, engine: AsyncEngine, master_b64url: str) -> None:
        self.engine = engine
        self._kek = derive_kek(master_b64url)

    async def load(self, case_id: UUID) -> bytes | None:
        query = sa.select(case_keys.c.wrapped).where(case_keys.c.case_id == case_id)
        async with self.engine.connect() as conn:
            wrapped = await conn.scalar(query)
        if wrapped is None:
            return None
        return unseal({KEK_ID: self._kek}, wrapped, str(case_id).encode())

    async def save(self, conn: AsyncConnection, case_id: UUID, key: bytes) -> None:
        wrapped = seal(self._kek, KEK_ID, key, str(case_id).encode())
        values = {"case_id": case_id, "wrapped": wrapped, "created_at": datetime.now(UTC)}
        await conn.execute(case_keys.insert().values(**values))

    async def delete(self, conn: AsyncConnection, case_id: UUID) -> None:
        await conn.execute(case_keys.delete().where(case_keys.c.case_id == case_id))
