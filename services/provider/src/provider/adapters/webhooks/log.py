"""A tenant's delivery log: read it (filtered by status), and send deliveries again, one
or every dead one of a period (after a receiver's outage)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from provider.adapters.webhooks.model import Clock, Delivery, DeliveryNotFound
from provider.adapters.webhooks.schema import DeliveryStatus, webhook_deliveries

_MAX_LOG_PAGE = 500


class DeliveryLog:
    def __init__(self, engine: AsyncEngine, clock: Clock) -> None:
        self._engine = engine
        self._clock = clock

    async def deliveries(
        self, tenant_id: str, status: DeliveryStatus | str | None = None, limit: int = 50
    ) -> list[Delivery]:
        """The tenant's delivery log, newest first."""
        table = webhook_deliveries
        query = select(table).where(table.c.tenant_id == tenant_id)
        if status is not None:
            query = query.where(table.c.status == DeliveryStatus(status).value)
        query = query.order_by(table.c.created_at.desc(), table.c.id).limit(
            max(1, min(limit, _MAX_LOG_PAGE))
        )
        async with self._engine.connect() as conn:
            return [Delivery.from_row(row) for row in await conn.execute(query)]

    async def redeliver(self, tenant_id: str, delivery_id: UUID) -> Delivery:
        """Send a dead or delivered webhook again, with a fresh budget of attempts."""
        table = webhook_deliveries
        # The tenant is part of the key: another tenant's delivery id is simply not found.
        mine = (table.c.id == delivery_id) & (table.c.tenant_id == tenant_id)
        async with self._engine.begin() as conn:
            await conn.execute(
                update(table)
                .where(mine, table.c.status != DeliveryStatus.PENDING.value)
                .values(
                    status=DeliveryStatus.PENDING.value,
                    attempts=0,
                    next_attempt_at=self._clock(),
                    delivered_at=None,
                )
            )
            row = (await conn.execute(select(table).where(mine))).first()
        if row is None:
            raise DeliveryNotFound(str(delivery_id))
        return Delivery.from_row(row)

    async def redeliver_dead(
        self, tenant_id: str, since: datetime | None = None, until: datetime | None = None
    ) -> int:
        """Put every dead delivery created in [since, until) back with a fresh budget (after
        a receiver's outage); the number put back."""
        table = webhook_deliveries
        stmt = update(table).where(
            table.c.tenant_id == tenant_id, table.c.status == DeliveryStatus.DEAD.value
        )
        if since is not None:
            stmt = stmt.where(table.c.created_at >= since)
        if until is not None:
            stmt = stmt.where(table.c.created_at < until)
        values = {"status": DeliveryStatus.PENDING.value, "attempts": 0}
        values |= {"next_attempt_at": self._clock()}
        async with self._engine.begin() as conn:
            result = await conn.execute(stmt.values(values))
        return int(result.rowcount)
