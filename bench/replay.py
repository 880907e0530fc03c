"""Replay all events: eventkit against raw asyncpg over the same N rows, decoding the JSON
columns with the same decoder (orjson, what eventkit uses), so both hand the caller the
same information. Measured twice:

* ``EventStore.replay`` (one server-side cursor, batches of ``BATCH``) against a raw
  asyncpg cursor ``SELECT ... ORDER BY position`` fetching the same batch size — the goal figure;
* ``EventStore.read_all`` paging by ``PAGE`` against raw keyset pagination
  (``WHERE position > $1 ORDER BY position LIMIT $2``) — for information.

The baselines skip eventkit's gap-safety (the ``tx_id`` snapshot filter and ordering) and
the ``RecordedEvent`` objects: that is the overhead measured.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import asyncpg
import orjson
from eventkit import EventStore
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.core import Figure, Outcome, Sizes, Stopwatch, ratio
from bench.infra import Database, fresh_database
from bench.loader import load_events

PAGE = 1000
ROUNDS = 3
Reader = Callable[[Database, int], Awaitable[float]]
BATCH = 5000
GOAL_RATE = 100_000
GOAL_RATIO = 0.5
_COLUMNS = (
    "select position, stream_id, revision, event_id, type, schema_version, data::text,"
    " metadata::text, recorded_at from events"
)
_KEYSET = _COLUMNS + " where position > $1 order by position limit $2"
_ALL = _COLUMNS + " order by position"


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("replay")
    n = sizes.replay_events
    async with fresh_database("replay") as db:
        await load_events(db, n)
        outcome.notes.append(f"replay: {n} events loaded with COPY")
        await _streamed(db, n)  # warm the cache for every contender
        raw_cursor, ours = await _best(_raw_cursor, _streamed, db, n)
        raw_pages, paged = await _best(_raw_keyset, _paged, db, n)
    baseline = "raw asyncpg {}, JSON decoded with orjson"
    outcome.figures += [
        Figure(
            bench="replay",
            name=f"eventkit EventStore.replay, batches of {BATCH}",
            value=ours,
            unit="events/s",
            baseline=raw_cursor,
            baseline_name=baseline.format(f"cursor SELECT, fetch {BATCH}"),
            ratio=ratio(ours, raw_cursor),
            goal=f">= {GOAL_RATE // 1000}k/s and >= {GOAL_RATIO}x baseline",
            passed=ours >= GOAL_RATE and ratio(ours, raw_cursor) >= GOAL_RATIO,
            note=f"{n} events, best of {ROUNDS} taking turns",
        ),
        Figure(
            bench="replay",
            name=f"eventkit read_all, page {PAGE}",
            value=paged,
            unit="events/s",
            baseline=raw_pages,
            baseline_name=baseline.format(f"keyset SELECT, page {PAGE}"),
            ratio=ratio(paged, raw_pages),
            note=f"{n} events, best of {ROUNDS}; a query per page",
        ),
    ]
    return outcome


async def _best(baseline: Reader, ours: Reader, db: Database, n: int) -> tuple[float, float]:
    """Best of ``ROUNDS`` for each, taking turns: on a shared machine the slowest runs
    measure the neighbours, and alternating gives both the same conditions."""
    rates: tuple[list[float], list[float]] = ([], [])
    for _ in range(ROUNDS):
        rates[0].append(await baseline(db, n))
        rates[1].append(await ours(db, n))
    return max(rates[0]), max(rates[1])


async def _streamed(db: Database, expected: int) -> float:
    engine = await _connected(db)
    read = 0
    try:
        with Stopwatch() as sw:
            async for batch in EventStore(engine).replay(batch_size=BATCH):
                read += len(batch)
    finally:
        await engine.dispose()
    return _rate(read, expected, sw.seconds)


async def _paged(db: Database, expected: int) -> float:
    engine = await _connected(db)
    store = EventStore(engine)
    read, after = 0, 0
    try:
        with Stopwatch() as sw:
            while page := await store.read_all(after=after, limit=PAGE):
                read += len(page)
                after = page[-1].position
    finally:
        await engine.dispose()
    return _rate(read, expected, sw.seconds)


async def _connected(db: Database) -> AsyncEngine:
    """An engine whose one connection is already open, as the raw baseline's is."""
    engine = db.engine(pool_size=1)
    async with engine.connect() as conn:
        await conn.exec_driver_sql("select 1")
    return engine


async def _raw_cursor(db: Database, expected: int) -> float:
    conn = await asyncpg.connect(db.dsn)
    read = 0
    try:
        with Stopwatch() as sw:
            async with conn.transaction():
                cursor = await conn.cursor(_ALL)
                while rows := await cursor.fetch(BATCH):
                    for row in rows:
                        _decoded(row)
                    read += len(rows)
    finally:
        await conn.close()
    return _rate(read, expected, sw.seconds)


async def _raw_keyset(db: Database, expected: int) -> float:
    conn = await asyncpg.connect(db.dsn)
    read, after = 0, 0
    try:
        with Stopwatch() as sw:
            while page := await conn.fetch(_KEYSET, after, PAGE):
                for row in page:
                    _decoded(row)
                read += len(page)
                after = page[-1]["position"]
    finally:
        await conn.close()
    return _rate(read, expected, sw.seconds)


def _decoded(row: asyncpg.Record) -> tuple[object, object]:
    return orjson.loads(row[6]), orjson.loads(row[7])


def _rate(read: int, expected: int, seconds: float) -> float:
    if read != expected:
        raise RuntimeError(f"replay read {read} events, expected {expected}")
    return read / seconds
