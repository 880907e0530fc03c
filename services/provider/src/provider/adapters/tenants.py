"""Tenants (provider organisations) and their API keys.

A key is shown once, at creation; only its SHA-256 is stored. The key is 256 random bits,
so a plain hash is enough (no slow KDF needed: there is nothing to brute-force).
Several keys may be valid at once, which lets a tenant rotate without downtime.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from provider.adapters.tables import api_keys, tenants
from provider.app.ports import IssuedKey, KeyOwner, KeyRecord, Tenant

KEY_PREFIX = "spk_"


def _digest(api_key: str) -> str:
    return hashlib.sha256(api_key.encode()).hexdigest()


class TenantStore:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def create(self, name: str, kind: str) -> tuple[UUID, IssuedKey]:
        tenant_id = uuid4()
        async with self.engine.begin() as conn:
            row = {"tenant_id": tenant_id, "name": name, "kind": kind, "created_at": _now()}
            await conn.execute(tenants.insert().values(row))
        return tenant_id, await self.issue_key(tenant_id)

    async def get(self, tenant_id: UUID) -> Tenant | None:
        async with self.engine.connect() as conn:
            query = sa.select(tenants).where(tenants.c.tenant_id == tenant_id)
            row = (await conn.execute(query)).first()
        return None if row is None else Tenant(row.tenant_id, row.name, row.kind)

    async def issue_key(self, tenant_id: UUID, by: str = "ops") -> IssuedKey:
        key = IssuedKey(uuid4(), KEY_PREFIX + secrets.token_urlsafe(32))
        row = {
            "key_id": key.key_id,
            "tenant_id": tenant_id,
            "key_sha256": _digest(key.api_key),
            "created_at": _now(),
            "created_by": by,
        }
        async with self.engine.begin() as conn:
            await conn.execute(api_keys.insert().values(row))
        return key

    async def revoke_key(self, tenant_id: UUID, key_id: UUID, by: str = "ops") -> bool:
        mine = (api_keys.c.key_id == key_id) & (api_keys.c.tenant_id == tenant_id)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                api_keys.update()
                .where(mine, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=_now(), revoked_by=by)
            )
        return bool(result.rowcount)

    async def keys(self, tenant_id: UUID) -> list[KeyRecord]:
        query = (
            sa.select(api_keys)
            .where(api_keys.c.tenant_id == tenant_id)
            .order_by(api_keys.c.created_at, api_keys.c.key_id)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [
            KeyRecord(r.key_id, r.created_at, r.created_by or "ops", r.revoked_at, r.revoked_by)
            for r in rows
        ]

    async def owner_of(self, api_key: str) -> KeyOwner | None:
        digest = _digest(api_key)
        query = sa.select(api_keys.c.tenant_id, api_keys.c.key_id, api_keys.c.key_sha256).where(
            api_keys.c.key_sha256 == digest, api_keys.c.revoked_at.is_(None)
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        # The lookup is by digest; compare once more in constant time as a matter of hygiene.
        if row is None or not hmac.compare_digest(row.key_sha256, digest):
            return None
        return KeyOwner(row.tenant_id, row.key_id)


def _now() -> datetime:
    return datetime.now(UTC)
