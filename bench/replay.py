"""Replay all events: eventkit ``read_all`` paging through N events against raw asyncpg
keyset pagination (``WHERE position > $1 ORDER BY position LIMIT $2``) over the same rows.

The baseline decodes ``data`` and ``metadata`` JSON as eventkit does, so both hand the
caller the same information; it skips eventkit's gap-safety (the ``tx_id`` snapshot
filter and ordering) and the ``RecordedEvent`` objects: that is the overhead measured.
"""

from __future__ import annotations

import json

import asyncpg
from eventkit import EventStore

from bench.core import Figure, Outcome, Sizes, Stopwatch, ratio
from bench.infra import Database, fresh_database
from bench.loader import load_events

PAGE = 1000
GOAL_RATE = 100_000
GOAL_RATIO = 0.5
_RAW = (
    "select position, stream_id, revision, event_id, type, schema_version, data, metadata,"
    " recorded_at from events where position > $1 order by position limit $2"
)


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("replay")
    async with fresh_database("replay") as db:
        await load_events(db, sizes.replay_events)
        outcome.notes.append(f"replay: {sizes.replay_events} events loaded with COPY")
        await _eventkit_rate(db, sizes.replay_events)  # warm the cache for both contenders
        raw = await _raw_rate(db, sizes.replay_events)
        ours = await _eventkit_rate(db, sizes.replay_events)
    outcome.figures.append(
        Figure(
            bench="replay",
            name=f"eventkit read_all, page {PAGE}",
            value=ours,
            unit="events/s",
            baseline=raw,
            baseline_name="raw asyncpg keyset SELECT (JSON decoded)",
            ratio=ratio(ours, raw),
            goal=f">= {GOAL_RATE // 1000}k/s and >= {GOAL_RATIO}x baseline",
            passed=ours >= GOAL_RATE and ratio(ours, raw) >= GOAL_RATIO,
            note=f"{sizes.replay_events} events",
        )
    )
    return outcome


async def _eventkit_rate(db: Database, expected: int) -> float:
    engine = db.engine(pool_size=1)
    store = EventStore(engine)
    read, after = 0, 0
    try:
        with Stopwatch() as sw:
            while page := await store.read_all(after=after, limit=PAGE):
                read += len(page)
                after = page[-1].position
    finally:
        await engine.dispose()
    _check(read, expected)
    return read / sw.seconds


async def _raw_rate(db: Database, expected: int) -> float:
    conn = await asyncpg.connect(db.dsn)
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")
    read, after = 0, 0
    try:
        with Stopwatch() as sw:
            while page := await conn.fetch(_RAW, after, PAGE):
                read += len(page)
                after = page[-1]["position"]
    finally:
        await conn.close()
    _check(read, expected)
    return read / sw.seconds


def _check(read: int, expected: int) -> None:
    if read != expected:
        raise RuntimeError(f"replay read {read} events, expected {expected}")
