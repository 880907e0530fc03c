"""Upcoming and overdue deadlines per case, caseworker and provider.

One row per pending deadline: its next phase to fire, with the case's current caseworker
joined from the case directory at read time, so a reassigned case shows under the new
caseworker at once without rewriting its deadlines.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.adapters.index import phases
from scheduler.adapters.tables import case_directory

_DIRECTORY_COLUMNS = {"caseworker_id"}


class SqlDeadlineViews:
    async def pending(
        self,
        conn: AsyncConnection,
        filters: Mapping[str, object],
        now: datetime,
        overdue: bool,
        limit: int,
    ) -> list[dict[str, Any]]:
        """Pending deadlines matching ``filters``, past due (``overdue``) or not yet."""
        joined = phases.outerjoin(case_directory, phases.c.case_id == case_directory.c.case_id)
        conditions = [phases.c.status == "pending"]
        for column, value in filters.items():
            if value is not None:
                table = case_directory if column in _DIRECTORY_COLUMNS else phases
                conditions.append(table.c[column] == value)
        conditions.append(phases.c.due_at < now if overdue else phases.c.due_at >= now)
        next_phase = (
            sa.select(phases.c.deadline_id, sa.func.min(phases.c.fire_at).label("next_at"))
            .select_from(joined)
            .where(*conditions)
            .group_by(phases.c.deadline_id)
            .subquery()
        )
        query = (
            sa.select(phases, case_directory.c.caseworker_id, case_directory.c.municipality)
            .select_from(
                joined.join(
                    next_phase,
                    sa.and_(
                        phases.c.deadline_id == next_phase.c.deadline_id,
                        phases.c.fire_at == next_phase.c.next_at,
                    ),
                )
            )
            .order_by(phases.c.due_at, phases.c.deadline_id)
            .limit(limit)
        )
        return [dict(row) for row in (await conn.execute(query)).mappings()]
