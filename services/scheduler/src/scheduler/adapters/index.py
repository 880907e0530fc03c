"""The deadline index: one row per scheduled phase, rewritten with each aggregate change.

It is a projection of the deadline streams kept in the same transaction (so firing never
sees a stale index) and it can be rebuilt from the log. The partial index on pending rows
keeps "what is due now?" cheap with a million deadlines waiting.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.domain import (
    Deadline,
    DeadlinePhase,
    DeadlineSet,
    DeadlineStatus,
)
from scheduler.domain.kinds import PHASE_ORDER

metadata = sa.MetaData()
UUIDType = sa.Uuid(as_uuid=True)
Instant = sa.DateTime(timezone=True)

phases = sa.Table(
    "deadline_phases",
    metadata,
    sa.Column("deadline_id", UUIDType, primary_key=True),
    sa.Column("phase", sa.String(16), primary_key=True),
    sa.Column("subject_kind", sa.String(16), nullable=False),
    sa.Column("subject_id", UUIDType, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # pending | done | cancelled
    sa.Column("fire_at", Instant, nullable=False),
    sa.Column("due_at", Instant, nullable=False),
    sa.Column("case_id", UUIDType),
    sa.Column("order_id", UUIDType),
    sa.Column("contract_id", UUIDType),
    sa.Column("provider_id", UUIDType),
    sa.Index("ix_deadline_phases_subject", "subject_kind", "subject_id"),
    sa.Index(
        "ix_deadline_phases_pending",
        "fire_at",
        postgresql_where=sa.text("status = 'pending'"),
        sqlite_where=sa.text("status = 'pending'"),
    ),
    sa.Index("ix_deadline_phases_case", "case_id"),
    sa.Index("ix_deadline_phases_provider", "provider_id"),
)


# Built once: building a statement costs more CPU than running it.
_DELETE_SUBJECT = phases.delete().where(
    phases.c.subject_kind == sa.bindparam("kind"), phases.c.subject_id == sa.bindparam("id")
)
_INSERT = phases.insert()


def _status(deadline: Deadline, phase: DeadlinePhase) -> str:
    if deadline.status is DeadlineStatus.CANCELLED:
        return "cancelled"  # resolved or withdrawn, also after it fired: it is off every list
    if deadline.last_phase is not None and PHASE_ORDER.index(phase) <= PHASE_ORDER.index(
        deadline.last_phase
    ):
        return "done"
    return "pending"


def rows_for(state: DeadlineSet) -> list[dict[str, Any]]:
    rows = []
    for deadline in state.deadlines:
        for phase in PHASE_ORDER:
            fire_at = deadline.timing.at(phase)
            if fire_at is None:
                continue
            rows.append(
                {
                    "deadline_id": deadline.deadline_id,
                    "phase": phase.value,
                    "subject_kind": state.subject.kind.value,
                    "subject_id": state.subject.id,
                    "kind": deadline.kind.value,
                    "status": _status(deadline, phase),
                    "fire_at": fire_at.astimezone(UTC),  # SQLite keeps no offset: store UTC
                    "due_at": deadline.due_at.astimezone(UTC),
                    "case_id": deadline.refs.case_id,
                    "order_id": deadline.refs.order_id,
                    "contract_id": deadline.refs.contract_id,
                    "provider_id": deadline.refs.provider_id,
                }
            )
    return rows


class SqlDeadlineIndex:
    async def sync(
        self,
        conn: AsyncConnection,
        state: DeadlineSet,
        only: set[UUID] | None = None,
        *,
        new: bool = False,
    ) -> None:
        subject = state.subject
        if only is None:
            if not new:  # a subject's rows are only ever written with its stream's events
                where = {"kind": subject.kind.value, "id": subject.id}
                await conn.execute(_DELETE_SUBJECT, where)
            rows = rows_for(state)
        else:  # firing touches one or two deadlines of a set that may hold years of them
            await conn.execute(phases.delete().where(phases.c.deadline_id.in_(only)))
            rows = [r for r in rows_for(state) if r["deadline_id"] in only]
        if rows:
            await conn.execute(_INSERT, rows)

    async def query(
        self, conn: AsyncConnection, filters: Mapping[str, object], limit: int
    ) -> list[dict[str, Any]]:
        query = sa.select(phases).order_by(phases.c.fire_at).limit(limit)
        for column, value in filters.items():
            if value is not None:
                query = query.where(phases.c[column] == value)
        return [dict(row) for row in (await conn.execute(query)).mappings()]

    async def counts(self, conn: AsyncConnection, now: datetime) -> tuple[int, int]:
        """(pending, overdue) phases: overdue ones are pending past their due time."""
        pending = sa.func.count().filter(phases.c.status == "pending")
        overdue = sa.func.count().filter(phases.c.status == "pending", phases.c.due_at < now)
        row = (await conn.execute(sa.select(pending, overdue))).one()
        return int(row[0]), int(row[1])
