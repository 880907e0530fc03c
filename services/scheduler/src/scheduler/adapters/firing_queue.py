"""The deadline index as the firing queue: due phases claimed with ``FOR UPDATE SKIP LOCKED``.

A claim is one statement, up to three after downtime, whatever the batch size:

1. the earliest pending phases due by now, locked (rows another instance holds are skipped),
   each flagged when another phase of its deadline is due too. Unflagged rows fire.
2. After downtime several phases of a deadline can be due and only the latest fires
   (``due.latest_due``): for the flagged rows, read their deadlines' due phases (no lock),
3. and lock the latest of those not among the rows of 1, skipping it if another instance
   holds it. That instance then fires the deadline (the phase it holds is the latest) and
   this one leaves it alone.

So a phase fires only in a transaction holding its row lock, and once fired its row is no
longer pending: several instances never fire one phase twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from eventkit import Transaction, connection_of
from sqlalchemy.ext.asyncio import AsyncConnection

from scheduler.adapters.index import phases
from scheduler.app.due import completed_by, due_phase, latest_due
from scheduler.app.phases import PhaseRow
from scheduler.app.ports import DuePhase
from scheduler.domain import DeadlinePhase

_PENDING = phases.c.status == "pending"


class SqlFiringQueue:
    async def claim(self, tx: Transaction, now: datetime, limit: int) -> list[DuePhase]:
        conn = connection_of(tx)
        sibling = phases.alias("sibling")
        other_due = sa.exists().where(
            sibling.c.deadline_id == phases.c.deadline_id,
            sibling.c.phase != phases.c.phase,
            sibling.c.status == "pending",
            sibling.c.fire_at <= now,
        )
        query = _due(now).add_columns(other_due.label("other_due"))
        rows = list(await conn.execute(query.order_by(phases.c.fire_at).limit(limit)))
        alone = [row for row in rows if not row.other_due]
        crowded = [row for row in rows if row.other_due]
        if crowded:
            alone += await _latest_of(conn, now, crowded)
        return [_due_phase(row) for row in alone]

    async def mark_fired(self, tx: Transaction, fired: Sequence[DuePhase]) -> None:
        conn = connection_of(tx)
        by_phase: dict[DeadlinePhase, list[UUID]] = defaultdict(list)
        for due in fired:
            by_phase[due.phase].append(due.deadline_id)
        for phase, deadline_ids in by_phase.items():  # one statement per phase fired (<= 3)
            done = [p.value for p in completed_by(phase)]
            await conn.execute(
                phases.update()
                .where(_PENDING, phases.c.deadline_id.in_(deadline_ids), phases.c.phase.in_(done))
                .values(status="done")
            )


def _due(now: datetime) -> Any:
    """Pending phases due by ``now``, locked by this transaction; rows others hold skipped."""
    return (
        sa.select(phases).where(_PENDING, phases.c.fire_at <= now).with_for_update(skip_locked=True)
    )


async def _latest_of(conn: AsyncConnection, now: datetime, claimed: list[Any]) -> list[Any]:
    """The rows to fire of deadlines with several phases due (after downtime): the latest
    phase of each, which is locked here unless another instance holds it (then it fires
    the deadline, and this instance leaves the deadline alone)."""
    siblings = sa.select(phases.c.deadline_id, phases.c.phase).where(
        _PENDING,
        phases.c.fire_at <= now,
        phases.c.deadline_id.in_([r.deadline_id for r in claimed]),
    )
    latest = latest_due(
        (deadline_id, DeadlinePhase(phase)) for deadline_id, phase in await conn.execute(siblings)
    )
    wanted = set(latest.items())
    held = {_key(row): row for row in claimed}
    rows = [row for key, row in held.items() if key in wanted]
    missing = [(d, p.value) for d, p in wanted - held.keys()]
    if missing:
        more = _due(now).where(sa.tuple_(phases.c.deadline_id, phases.c.phase).in_(missing))
        rows += list(await conn.execute(more))
    return rows


def _key(row: Any) -> tuple[UUID, DeadlinePhase]:
    return row.deadline_id, DeadlinePhase(row.phase)


def _due_phase(row: Any) -> DuePhase:
    found = PhaseRow._make(row[: len(PhaseRow._fields)])  # the table's columns, in order
    return due_phase(found._replace(fire_at=_aware(found.fire_at), due_at=_aware(found.due_at)))


def _aware(moment: datetime) -> datetime:
    """SQLite returns the stored UTC instants naive (PostgreSQL's timestamptz are aware)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
