"""Child data keys, wrapped with a key-encryption key (KEK) before they touch the database.

A child is found again by a keyed hash (HMAC-SHA256) of the CPR number, never the number.
Both the KEK and the hash key derive from the data master secret, each with its own label.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from servicekit.crypto import seal, unseal
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from authority.adapters.tables import case_children, child_keys, citizen_index, key_grants

KEK_ID = "kek:v1"


def _insert_new(conn: AsyncConnection, table: sa.Table, *keys: str) -> Any:
    """INSERT that yields nothing where ``keys`` exist: a racing writer is waited for, then
    loses quietly (two cases of one child opened at once must not be a 500)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))


@functools.cache
def _grant(dialect_name: str) -> Any:
    """Built once per dialect (every order runs it; building it costs more than sending it)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(key_grants).on_conflict_do_nothing(
        index_elements=["child_id", "provider_id"]
    )
    return stmt.returning(key_grants.c.child_id)


def derive_key(master_b64url: str, label: bytes) -> bytes:
    master = base64.urlsafe_b64decode(master_b64url + "=" * (-len(master_b64url) % 4))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(master)


def derive_kek(master_b64url: str) -> bytes:
    """The KEK from a master secret (HKDF with its own label: not a transport key)."""
    return derive_key(master_b64url, b"samspil/case-kek/v1")


class CprLookup:
    """Keyed hash of a CPR number: equal numbers match, the number cannot be read back."""

    def __init__(self, master_b64url: str) -> None:
        self._key = derive_key(master_b64url, b"samspil/cpr-lookup/v1")

    def __call__(self, cpr_digits: str) -> str:
        return hmac.new(self._key, cpr_digits.encode(), hashlib.sha256).hexdigest()


class SqlKeyStore:
    def __init__(self, engine: AsyncEngine, master_b64url: str) -> None:
        self.engine = engine
        self._kek = derive_kek(master_b64url)
        self.lookup = CprLookup(master_b64url)

    async def load(self, child_id: UUID) -> bytes | None:
        query = sa.select(child_keys.c.wrapped).where(child_keys.c.child_id == child_id)
        async with self.engine.connect() as conn:
            wrapped = await conn.scalar(query)
        if wrapped is None:
            return None
        return unseal({KEK_ID: self._kek}, wrapped, str(child_id).encode())

    async def child_of(self, case_id: UUID) -> UUID | None:
        query = sa.select(case_children.c.child_id).where(case_children.c.case_id == case_id)
        async with self.engine.connect() as conn:
            found = await conn.scalar(query)
        return found if isinstance(found, UUID) else None

    async def find(self, conn: AsyncConnection, cpr_digits: str) -> UUID | None:
        query = sa.select(child_keys.c.child_id).where(
            child_keys.c.lookup == self.lookup(cpr_digits)
        )
        found = await conn.scalar(query)
        return found if isinstance(found, UUID) else None

    async def save(
        self, conn: AsyncConnection, child_id: UUID, key: bytes, cpr_digits: str
    ) -> bool:
        """Store the child's key; False if another case of the child stored one first."""
        wrapped = seal(self._kek, KEK_ID, key, str(child_id).encode())
        values = {
            "child_id": child_id,
            "lookup": self.lookup(cpr_digits),
            "wrapped": wrapped,
            "created_at": datetime.now(UTC),
        }
        stmt = _insert_new(conn, child_keys, "lookup").values(**values)
        return bool((await conn.execute(stmt.returning(child_keys.c.child_id))).first())

    async def link(self, conn: AsyncConnection, case_id: UUID, child_id: UUID) -> None:
        await conn.execute(case_children.insert().values(case_id=case_id, child_id=child_id))

    async def cases_of(self, conn: AsyncConnection, child_id: UUID) -> list[UUID]:
        query = sa.select(case_children.c.case_id).where(case_children.c.child_id == child_id)
        return list(await conn.scalars(query.order_by(case_children.c.case_id)))

    async def grant(self, conn: AsyncConnection, child_id: UUID, provider_id: UUID) -> bool:
        """Record that ``provider_id`` holds the key; False if it already did."""
        values = {"child_id": child_id, "provider_id": provider_id, "granted_at": datetime.now(UTC)}
        return bool((await conn.execute(_grant(conn.dialect.name), values)).first())

    async def delete(self, conn: AsyncConnection, child_id: UUID) -> list[UUID]:
        """Erase the key, its lookup and the citizens' index; the providers that held it."""
        t = key_grants
        grants = list(
            await conn.scalars(sa.select(t.c.provider_id).where(t.c.child_id == child_id))
        )
        cases = await self.cases_of(conn, child_id)
        await conn.execute(citizen_index.delete().where(citizen_index.c.case_id.in_(cases)))
        await conn.execute(t.delete().where(t.c.child_id == child_id))
        await conn.execute(child_keys.delete().where(child_keys.c.child_id == child_id))
        return grants
