"""Each tenant's webhook endpoint: its URL and its (sealed) secrets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.webhooks.model import Clock, Endpoint, EndpointNotFound
from provider.adapters.webhooks.schema import webhook_endpoints as table
from provider.adapters.webhooks.secret_box import SecretBox
from provider.adapters.webhooks.targets import TargetPolicy


class EndpointStore:
    def __init__(
        self, engine: AsyncEngine, box: SecretBox, clock: Clock, targets: TargetPolicy
    ) -> None:
        self._engine = engine
        self._box = box
        self._clock = clock
        self._targets = targets

    async def register(self, tenant_id: str, url: str, secret: str) -> None:
        """Set (or replace) the tenant's endpoint; it becomes active with this one secret."""
        self._targets.check_url(url)
        check_secret(secret)
        values = {
            "tenant_id": tenant_id,
            "url": url,
            "secrets_sealed": self._box.seal(tenant_id, [secret]),
            "active": True,
            "updated_at": self._clock(),
        }
        async with self._engine.begin() as conn:
            await conn.execute(_upsert(conn, values))

    async def set_secrets(self, tenant_id: str, change: Callable[[list[str]], list[str]]) -> None:
        """Replace the secrets with ``change(current_secrets)`` in one transaction."""
        async with self._engine.begin() as conn:
            endpoint = await self.get(conn, tenant_id, lock=True)
            if endpoint is None:
                raise EndpointNotFound(tenant_id)
            secrets = change(list(endpoint.secrets))
            sealed = self._box.seal(tenant_id, secrets)
            await conn.execute(
                update(table)
                .where(table.c.tenant_id == tenant_id)
                .values(secrets_sealed=sealed, updated_at=self._clock())
            )

    async def set_active(self, tenant_id: str, active: bool) -> None:
        async with self._engine.begin() as conn:
            stmt = update(table).where(table.c.tenant_id == tenant_id).values(active=active)
            if (await conn.execute(stmt)).rowcount == 0:
                raise EndpointNotFound(tenant_id)

    async def delete(self, tenant_id: str) -> None:
        async with self._engine.begin() as conn:
            stmt = table.delete().where(table.c.tenant_id == tenant_id)
            if (await conn.execute(stmt)).rowcount == 0:
                raise EndpointNotFound(tenant_id)

    async def get(
        self, conn: AsyncConnection, tenant_id: str, lock: bool = False
    ) -> Endpoint | None:
        query = select(table).where(table.c.tenant_id == tenant_id)
        row = (await conn.execute(query.with_for_update() if lock else query)).first()
        if row is None:
            return None
        secrets = tuple(self._box.unseal(tenant_id, row.secrets_sealed))
        return Endpoint(tenant_id=tenant_id, url=row.url, active=row.active, secrets=secrets)


def _upsert(conn: AsyncConnection, values: dict[str, Any]) -> Any:
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = dialect_insert(table).values(values)
    updates = {name: value for name, value in values.items() if name != "tenant_id"}
    return stmt.on_conflict_do_update(index_elements=["tenant_id"], set_=updates)


def check_secret(secret: str) -> None:
    # A short secret makes the HMAC guessable; 24 characters of a random token is the floor.
    if len(secret) < 24:
        raise ValueError("a webhook secret must be at least 24 characters")
