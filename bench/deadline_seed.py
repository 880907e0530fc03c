"""Seeding the scheduler's database with N pending deadlines, fast.

Going through ``Intake`` would append and re-index one subject per transaction (minutes per
100k). Instead the scheduler's own domain builds one representative claim-payment
``DeadlineSet`` (``decide`` a ``ScheduleClaimPayment``), and each copy gets a fresh subject,
deadline id and timing; the copy's event is serialised by the scheduler's ``EventCodec`` and
its index rows are produced by the scheduler's ``rows_for``. Streams and ``deadline_phases``
rows then go in with binary COPY. Each deadline fires its ``due`` phase at ``due_at`` and its
``overdue`` phase 30 days later (so only ``due`` comes due during a run); no warning phase.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import asyncpg
from eventkit.schema import metadata as eventkit_metadata
from scheduler.adapters.index import metadata as index_metadata
from scheduler.adapters.index import phases
from scheduler.app.deadlines import STREAMS, stream_id
from scheduler.app.phases import rows_for
from scheduler.domain import (
    DEFAULT_RULES,
    DeadlineKind,
    DeadlineScheduled,
    DeadlineSet,
    ScheduleClaimPayment,
    Subject,
    SubjectKind,
    Timing,
    deadline_id,
    decide,
    evolve,
)

from bench.infra import Database

CHUNK = 20_000
OVERDUE_AFTER = timedelta(days=30)
EVENT_COLUMNS = (
    "stream_id",
    "revision",
    "event_id",
    "type",
    "schema_version",
    "data",
    "metadata",
    "recorded_at",
)
INDEX_COLUMNS = tuple(column.name for column in phases.columns)


def template(at: datetime) -> DeadlineScheduled:
    """The representative event, decided by the scheduler's domain, with no warning phase
    and its ``overdue`` phase ``OVERDUE_AFTER`` the due time."""
    command = ScheduleClaimPayment(
        claim_id=uuid.uuid4(), provider_id=uuid.uuid4(), submitted_on=date(2025, 3, 3), at=at
    )
    (event,) = decide(command, DeadlineSet(command.subject), DEFAULT_RULES)
    assert isinstance(event, DeadlineScheduled)
    timing = Timing(due_at=at, overdue_at=at + OVERDUE_AFTER)
    return replace(event, timing=timing)


async def create_schema(db: Database) -> None:
    engine = db.engine(pool_size=1)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(eventkit_metadata.create_all)
            await conn.run_sync(index_metadata.create_all)
    finally:
        await engine.dispose()


async def seed(db: Database, count: int, first_due: datetime, per_second: float) -> None:
    """``count`` deadlines whose ``due`` phase falls ``1/per_second`` s apart from ``first_due``."""
    await create_schema(db)
    base = template(first_due)
    conn = await asyncpg.connect(db.dsn)
    try:
        for start in range(0, count, CHUNK):
            events, index = _chunk(base, start, min(count, start + CHUNK), first_due, per_second)
            async with conn.transaction():
                await conn.copy_records_to_table("events", records=events, columns=EVENT_COLUMNS)
                await conn.copy_records_to_table(
                    "deadline_phases", records=index, columns=INDEX_COLUMNS
                )
        await conn.execute("analyze")
    finally:
        await conn.close()


def _chunk(
    base: DeadlineScheduled,
    start: int,
    stop: int,
    first_due: datetime,
    per_second: float,
) -> tuple[list[Any], list[Any]]:
    """The template's stored JSON and index rows, made once by the scheduler's own codec and
    ``rows_for``, with the per-copy values (subject, deadline id, times) substituted."""
    data = STREAMS.codec.dump(base)
    template_rows = [row._asdict() for row in rows_for(evolve(DeadlineSet(base.subject), base))]
    meta = json.dumps({"actor": "bench-seed", "occurred_at": base.at.isoformat()})
    events: list[tuple[Any, ...]] = []
    index: list[tuple[Any, ...]] = []
    for n in range(start, stop):
        subject = Subject(SubjectKind.CLAIM, uuid.uuid4())
        deadline = deadline_id(DeadlineKind.PAYMENT_DUE, subject, 1)
        due = first_due + timedelta(seconds=n / per_second)
        times = {"due": due, "overdue": due + OVERDUE_AFTER}
        data["subject"]["id"] = data["refs"]["claim_id"] = str(subject.id)
        data["deadline_id"] = str(deadline)
        data["timing"] = {
            "due_at": due.isoformat(),
            "overdue_at": times["overdue"].isoformat(),
            "warn_at": None,
        }
        stream = stream_id(subject)
        events.append(
            (stream, 1, uuid.uuid4(), "DeadlineScheduled", 1, json.dumps(data), meta, base.at)
        )
        for row in template_rows:
            row.update(
                deadline_id=deadline, subject_id=subject.id, due_at=due, fire_at=times[row["phase"]]
            )
            index.append(tuple(row[c] for c in INDEX_COLUMNS))
    return events, index
