"""The scheduler's follow-up and status-report deadlines of each contract, as announced."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from provider.adapters.sql import upsert
from provider.adapters.tables import follow_up_deadlines


async def set_deadline(conn: AsyncConnection, tenant_id: UUID, row: dict[str, Any]) -> None:
    """Set or moved: the announced time replaces the last; it is open again."""
    values = {**row, "tenant_id": tenant_id, "status": "open", "updated_at": datetime.now(UTC)}
    await upsert(conn, follow_up_deadlines, values, ["deadline_id"])


async def close_deadline(conn: AsyncConnection, deadline_id: UUID, outcome: str) -> None:
    t = follow_up_deadlines
    stmt = t.update().where(t.c.deadline_id == deadline_id)
    await conn.execute(stmt.values(status=outcome, updated_at=datetime.now(UTC)))


async def follow_up_after(
    conn: AsyncConnection, tenant_id: UUID, contract_id: UUID, report_due_at: datetime
) -> UUID | None:
    """The open follow-up a status report due at ``report_due_at`` prepares: the contract's
    next one from then."""
    t = follow_up_deadlines
    query = (
        sa.select(t.c.deadline_id)
        .where(
            t.c.tenant_id == tenant_id,
            t.c.contract_id == contract_id,
            t.c.kind == "follow_up_due",
            t.c.status == "open",
            t.c.due_at >= report_due_at,
        )
        .order_by(t.c.due_at)
        .limit(1)
    )
    found: UUID | None = (await conn.execute(query)).scalar_one_or_none()
    return found


class SqlFollowUpDeadlines:
    """The app's ``FollowUpDeadlines`` port: always one tenant's rows."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def of_contracts(
        self, tenant_id: UUID, contract_ids: Sequence[UUID]
    ) -> list[dict[str, Any]]:
        if not contract_ids:
            return []
        t = follow_up_deadlines
        query = sa.select(t).where(t.c.tenant_id == tenant_id, t.c.contract_id.in_(contract_ids))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [{**row, "due_at": _aware(row["due_at"])} for row in rows]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite
