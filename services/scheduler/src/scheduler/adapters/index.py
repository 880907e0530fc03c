"""The deadline index in SQL: one row per scheduled phase (``app.phases.rows_for``),
rewritten with each change of its subject's deadline set.

It is a projection of the deadline streams kept in the same transaction (so firing never
sees a stale index) and it can be rebuilt from the log. The partial index on pending rows
keeps "what is due now?" cheap with a million deadlines waiting.
"""

from __future__ import annotations

from uuid import UUID

import sqlalchemy as sa
from eventkit import Transaction, connection_of
from servicekit.handler import Change

from scheduler.app.phases import rows_for
from scheduler.domain import DeadlineSet, Event

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
_FOLLOWING_UP = (
    sa.select(phases.c.contract_id)
    .where(
        phases.c.case_id == sa.bindparam("case_id"),
        phases.c.subject_kind == "contract",
        phases.c.kind == "follow_up_due",
        phases.c.status == "pending",
    )
    .distinct()
)


class SqlDeadlineIndex:
    async def project(self, tx: Transaction, change: Change[Event, DeadlineSet]) -> None:
        conn, subject = connection_of(tx), change.state.subject
        if not change.began:  # a subject's rows are only ever written with its stream's events
            await conn.execute(_DELETE_SUBJECT, {"kind": subject.kind.value, "id": subject.id})
        rows = [row._asdict() for row in rows_for(change.state)]
        if rows:
            await conn.execute(_INSERT, rows)

    async def following_up(self, tx: Transaction, case_id: UUID) -> list[UUID]:
        found = await connection_of(tx).execute(_FOLLOWING_UP, {"case_id": case_id})
        return sorted(found.scalars())
