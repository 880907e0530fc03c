"""The read side in SQL: deadline phases from the index, and upcoming and overdue deadlines
per case, caseworker and provider.

One row per deadline that is neither resolved nor withdrawn: upcoming while its due time is
ahead, overdue once it has passed (also after every phase fired: the duty is still unmet).
The case's current caseworker is joined from the case directory at read time, so a
reassigned case shows under the new caseworker at once without rewriting its deadlines.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from scheduler.adapters.index import phases
from scheduler.adapters.tables import case_directory as directory
from scheduler.app.phases import PhaseRow
from scheduler.app.queries import OpenDeadline, OpenFilter, PhaseFilter

_PER_DEADLINE = (
    phases.c.deadline_id,
    phases.c.kind,
    phases.c.due_at,
    phases.c.case_id,
    phases.c.order_id,
    phases.c.contract_id,
    phases.c.provider_id,
    directory.c.caseworker_id,
    directory.c.municipality,
)


class SqlDeadlineQueries:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def phases(self, where: PhaseFilter, limit: int) -> list[PhaseRow]:
        query = sa.select(phases).order_by(phases.c.fire_at).limit(limit)
        for column, value in asdict(where).items():
            if value is not None:
                query = query.where(phases.c[column] == value)
        async with self.engine.connect() as conn:
            return [PhaseRow(**row) for row in (await conn.execute(query)).mappings()]

    async def open_deadlines(
        self, where: OpenFilter, now: datetime, overdue: bool, limit: int
    ) -> list[OpenDeadline]:
        pending_at = sa.case((phases.c.status == "pending", phases.c.fire_at))
        conditions = [
            phases.c.status != "cancelled",
            phases.c.due_at < now if overdue else phases.c.due_at >= now,
        ]
        for column, value in asdict(where).items():
            if value is not None:
                table = directory if column in directory.c else phases
                conditions.append(table.c[column] == value)
        query = (
            sa.select(*_PER_DEADLINE, sa.func.min(pending_at).label("next_at"))
            .select_from(phases.outerjoin(directory, phases.c.case_id == directory.c.case_id))
            .where(*conditions)
            .group_by(*_PER_DEADLINE)
            .order_by(phases.c.due_at, phases.c.deadline_id)
            .limit(limit)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).mappings()
            return [OpenDeadline(**row, overdue=overdue) for row in rows]

    async def counts(self, now: datetime) -> tuple[int, int]:
        pending = sa.func.count().filter(phases.c.status == "pending")
        overdue = sa.func.count().filter(phases.c.status == "pending", phases.c.due_at < now)
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(pending, overdue))).one()
        return int(row[0]), int(row[1])
