"""Projection rebuild: ``ProjectionRunner.rebuild`` of a counting projection over N events
loaded with COPY; the projection's ``apply_batch`` upserts each batch's per-stream counts
into ``bench_stream_counts`` with one executemany.

The goal is one million events in under 60 s, i.e. at least 16,667 events/s; a quick run
replays fewer events and is judged by that same rate (and reports the projected time).
There is no external baseline: the figure beside it is the raw replay rate of the same
rows with no projection work, which bounds what any projection could reach.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Sequence

import sqlalchemy as sa
from eventkit import EventStore, ProjectionRunner, RecordedEvent
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bench.core import Figure, Outcome, Sizes, Stopwatch, ratio
from bench.infra import fresh_database
from bench.loader import load_events

GOAL_EVENTS, GOAL_SECONDS = 1_000_000, 60.0
TIME_BOX = 5 * GOAL_SECONDS  # lets a loaded machine finish 1M at a third of the goal rate
_meta = sa.MetaData()
counts = sa.Table(
    "bench_stream_counts",
    _meta,
    sa.Column("stream_id", sa.String(200), primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
)


_upsert = insert(counts)
# Prebuilt once: SQLAlchemy caches its compiled form, asyncpg its prepared statement.
BUMP = _upsert.on_conflict_do_update(
    index_elements=["stream_id"], set_={"events": counts.c.events + _upsert.excluded.events}
)


class StreamCounts:
    """Counts events per stream: the simplest read model that writes on every event.

    ``apply_batch`` adds a batch's counts per stream with one executemany of the upsert.
    """

    name = "bench_stream_counts"
    applied = 0  # progress, read when the time box cuts a rebuild short

    async def apply(self, conn: AsyncConnection, event: RecordedEvent) -> None:
        await conn.execute(BUMP, {"stream_id": event.stream_id, "events": 1})
        self.applied += 1

    async def apply_batch(self, conn: AsyncConnection, events: Sequence[RecordedEvent]) -> None:
        per_stream = Counter(event.stream_id for event in events)
        rows = [{"stream_id": s, "events": n} for s, n in per_stream.items()]
        await conn.execute(BUMP, rows)
        self.applied += len(events)

    async def reset(self, conn: AsyncConnection) -> None:
        await conn.execute(counts.delete())


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("rebuild")
    n = sizes.rebuild_events
    async with fresh_database("rebuild") as db:
        with Stopwatch() as load:
            await load_events(db, n)
        outcome.notes.append(f"rebuild: {n} events loaded with COPY in {load.seconds:.1f} s")
        engine = db.engine(pool_size=2)
        try:
            async with engine.begin() as conn:
                await conn.run_sync(_meta.create_all)
            projection = StreamCounts()
            runner = ProjectionRunner(EventStore(engine), [projection])
            with Stopwatch() as sw:
                # A rebuild is one transaction: cut short, it rolls back and counts nothing.
                finished = await _within(runner.rebuild(projection.name), TIME_BOX)
            done = await _counted(engine) if finished else projection.applied
        finally:
            await engine.dispose()
    if finished and done != n:
        raise RuntimeError(f"rebuild counted {done} events, expected {n}")
    rate = done / sw.seconds
    goal_rate = GOAL_EVENTS / GOAL_SECONDS
    outcome.figures.append(
        Figure(
            bench="rebuild",
            name="ProjectionRunner.rebuild, apply_batch upserts",
            value=rate,
            unit="events/s",
            goal=f"1M in < {GOAL_SECONDS:g} s (>= {goal_rate:,.0f}/s)",
            ratio=ratio(rate, goal_rate),
            passed=rate >= goal_rate,
            note=(
                f"{done} of {n} events in {sw.seconds:.1f} s"
                + ("" if finished else " (time box hit, rolled back)")
                + f"; 1M projected {GOAL_EVENTS / rate:.0f} s"
            ),
        )
    )
    return outcome


async def _within(work: Awaitable[int], seconds: float) -> bool:
    try:
        await asyncio.wait_for(work, seconds)
    except TimeoutError:
        return False
    return True


async def _counted(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(sa.select(sa.func.sum(counts.c.events))) or 0)
