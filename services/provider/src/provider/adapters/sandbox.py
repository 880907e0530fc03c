"""The tenant's sandbox in SQL: the switch, the cases and claims, and the notifications a
step causes, queued in the step's own transaction (flagged ``"sandbox": true`` in ``data``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.sandbox_rows import caused_data, dump, now, parse
from provider.adapters.tables import sandbox_cases, sandbox_claims, sandbox_tenants
from provider.app.ports import SandboxClaim, WebhookQueue
from provider.domain import DomainError, sandbox
from provider.domain.sandbox import SandboxCase, Step, new_case

FLAG = {"sandbox": True}


class SqlSandbox:
    def __init__(self, engine: AsyncEngine, notifications: WebhookQueue) -> None:
        self.engine, self.notifications = engine, notifications

    async def enabled(self, tenant_id: UUID) -> bool:
        async with self.engine.connect() as conn:
            query = sa.select(sandbox_tenants.c.tenant_id).where(
                sandbox_tenants.c.tenant_id == tenant_id
            )
            return (await conn.execute(query)).first() is not None

    async def set_enabled(self, tenant_id: UUID, enabled: bool, by: str) -> None:
        mine = sandbox_tenants.c.tenant_id == tenant_id
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(sandbox_tenants).where(mine))
            if enabled:
                row = {"tenant_id": tenant_id, "enabled_at": now(), "enabled_by": by}
                await conn.execute(sandbox_tenants.insert().values(row))

    async def trigger(self, tenant_id: UUID, event_type: str, data: dict[str, Any]) -> UUID:
        event_id = uuid4()
        async with self.engine.begin() as conn:
            await self._notify(conn, tenant_id, event_id, event_type, data)
        return event_id

    async def open_case(self, tenant_id: UUID, today: date) -> SandboxCase:
        case = new_case(tenant_id, today)
        async with self.engine.begin() as conn:
            row = {
                "order_id": case.order_id,
                "tenant_id": tenant_id,
                "contract_id": case.contract_id,
                "revision": case.revision,
                "state": dump(case),
                "created_at": now(),
            }
            await conn.execute(sandbox_cases.insert().values(row))
            await self._caused(conn, case, ["order.placed"])
        return case

    async def case(
        self, tenant_id: UUID, *, order_id: UUID | None = None, contract_id: UUID | None = None
    ) -> SandboxCase:
        async with self.engine.connect() as conn:
            return await _load(conn, tenant_id, order_id, contract_id)

    async def step(
        self,
        tenant_id: UUID,
        order_id: UUID | None,
        contract_id: UUID | None,
        decide: Callable[[SandboxCase], Step],
    ) -> SandboxCase:
        async with self.engine.begin() as conn:
            return await self._step(
                conn, await _load(conn, tenant_id, order_id, contract_id), decide
            )

    async def submit_claim(self, tenant_id: UUID, contract_id: UUID, claim_number: str) -> UUID:
        """Record the claim on the case and approve it (the sandbox authority), at once."""
        claim_id = uuid4()
        async with self.engine.begin() as conn:
            case = await _load(conn, tenant_id, None, contract_id)
            await self._step(conn, case, lambda c: sandbox.claim(c, claim_number))
            row = {
                "claim_id": claim_id,
                "tenant_id": tenant_id,
                "status": "approved",
                "contract_id": contract_id,
                "claim_number": claim_number,
                "created_at": now(),
            }
            await conn.execute(sandbox_claims.insert().values(row))
            data = {"claim_id": str(claim_id)}
            await self._notify(conn, tenant_id, uuid4(), "claim.approved", data)
        return claim_id

    async def _step(
        self, conn: AsyncConnection, case: SandboxCase, decide: Callable[[SandboxCase], Step]
    ) -> SandboxCase:
        new, caused = decide(case)
        if new is case:
            return case  # a repeat: answered as the first time, nothing caused
        mine = (sandbox_cases.c.order_id == case.order_id) & (
            sandbox_cases.c.revision == case.revision
        )
        saved = await conn.execute(
            sandbox_cases.update().where(mine).values(revision=new.revision, state=dump(new))
        )
        if saved.rowcount != 1:
            raise DomainError("stale_revision", "The sandbox case changed meanwhile; retry.")
        await self._caused(conn, new, caused)
        return new

    async def claim(self, tenant_id: UUID, claim_id: UUID) -> SandboxClaim:
        mine = (sandbox_claims.c.tenant_id == tenant_id) & (sandbox_claims.c.claim_id == claim_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(sandbox_claims).where(mine))).first()
        if row is None:
            raise DomainError("not_found", "No such claim.")
        return SandboxClaim(row.claim_id, row.contract_id, row.claim_number, row.status)

    async def _caused(self, conn: AsyncConnection, case: SandboxCase, caused: list[str]) -> None:
        for event_type in caused:
            data = caused_data(case, event_type)
            await self._notify(conn, case.tenant_id, uuid4(), event_type, data)

    async def _notify(
        self,
        conn: AsyncConnection,
        tenant_id: UUID,
        event_id: UUID,
        event_type: str,
        data: dict[str, Any],
    ) -> None:
        await self.notifications.enqueue(conn, str(tenant_id), event_id, event_type, data | FLAG)


async def _load(
    conn: AsyncConnection, tenant_id: UUID, order_id: UUID | None, contract_id: UUID | None
) -> SandboxCase:
    by = (
        sandbox_cases.c.order_id == order_id
        if order_id
        else sandbox_cases.c.contract_id == contract_id
    )
    query = sa.select(sandbox_cases.c.state).where(by & (sandbox_cases.c.tenant_id == tenant_id))
    row = (await conn.execute(query)).first()
    if row is None:  # another tenant's case is not found either
        raise DomainError("not_found", "No such sandbox order or contract.")
    return parse(json.loads(row.state))
