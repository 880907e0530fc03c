"""Upcoming and overdue deadlines per case, caseworker and provider.

One row per deadline that is neither resolved nor withdrawn: upcoming while its due time is
ahead, overdue once it has passed (also after every phase fired: the duty is still unmet).
The case's current caseworker is joined from the case directory at read time, so a
reassigned case shows under the new caseworker at once without rewriting its deadlines.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.adapters.index import phases
from scheduler.adapters.tables import case_directory as directory

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


class SqlDeadlineViews:
    async def open_deadlines(
        self,
        conn: AsyncConnection,
        filters: Mapping[str, object],
        now: datetime,
        overdue: bool,
        limit: int,
    ) -> list[dict[str, Any]]:
        """Open deadlines matching ``filters``, past due (``overdue``) or not yet."""
        pending_at = sa.case((phases.c.status == "pending", phases.c.fire_at))
        conditions = [
            phases.c.status != "cancelled",
            phases.c.due_at < now if overdue else phases.c.due_at >= now,
        ]
        for column, value in filters.items():
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
        return [dict(row) for row in (await conn.execute(query)).mappings()]
