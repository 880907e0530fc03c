"""Event-store append: eventkit ``EventStore`` against the ``eventsourcing`` library's
PostgreSQL recorder, on the same server, one event per transaction: ~300 B of JSON data
plus ~70 B of metadata for eventkit, the same bytes as one blob for eventsourcing.

Both append to per-writer streams with optimistic versioning: one writer alone, then 8
concurrent writers (8 asyncio tasks for eventkit, 8 threads for eventsourcing, which is a
synchronous library). Each contender gets its own fresh database per turn.

One event per transaction makes the rate a measure of commit latency, and the disk's fsync
time drifts over minutes on a shared machine: one pass of each, one after the other, once
gave the baseline 705 events/s where the run before gave it 462. So the contenders take
``TURNS`` turns each, alternating, with a third of the events per turn, and each side's
rate is its median turn.
"""

from __future__ import annotations

import asyncio
import statistics
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from eventkit import EventStore, NewEvent
from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore

from bench.core import Figure, Outcome, Sizes, Stopwatch, ratio
from bench.infra import Database, fresh_database
from bench.payload import EVENT_TYPE, body, metadata, stored_bytes

WRITERS = 8
TURNS = 3
GOAL = 2.0  # eventkit must reach at least 2x the eventsourcing throughput


async def run(sizes: Sizes) -> Outcome:
    outcome = Outcome("append")
    for writers in (1, WRITERS):
        per_writer = max(1, sizes.append_events // writers // TURNS)
        ours_turns, theirs_turns = [], []
        for _ in range(TURNS):
            ours_turns.append(await _eventkit_rate(writers, per_writer))
            theirs_turns.append(await _eventsourcing_rate(writers, per_writer))
        ours, theirs = statistics.median(ours_turns), statistics.median(theirs_turns)
        outcome.figures.append(
            Figure(
                bench="append",
                name=f"eventkit append, {writers} writer{'s' if writers > 1 else ''}",
                value=ours,
                unit="events/s",
                baseline=theirs,
                baseline_name="eventsourcing 9.x PostgresApplicationRecorder",
                ratio=ratio(ours, theirs),
                goal=f">= {GOAL:g}x baseline",
                passed=ratio(ours, theirs) >= GOAL,
                note=f"{TURNS} turns of {per_writer * writers} events each, taking turns, "
                "median; 1 event per transaction",
            )
        )
    return outcome


async def _eventkit_rate(writers: int, per_writer: int) -> float:
    async with fresh_database("append_ek") as db:
        engine = db.engine(pool_size=WRITERS + 2)
        try:
            store = EventStore(engine)
            await store.create_schema()

            async def writer(w: int) -> None:
                stream = f"bench-{uuid.uuid4()}"
                for revision in range(per_writer):
                    event = NewEvent(
                        EVENT_TYPE, body(w * per_writer + revision), metadata=metadata()
                    )
                    await store.append(stream, revision, [event])

            with Stopwatch() as sw:
                await asyncio.gather(*(writer(w) for w in range(writers)))
        finally:
            await engine.dispose()
    return writers * per_writer / sw.seconds


async def _eventsourcing_rate(writers: int, per_writer: int) -> float:
    async with fresh_database("append_es") as db:
        return await asyncio.to_thread(_eventsourcing_threads, db, writers, per_writer)


def _eventsourcing_threads(db: Database, writers: int, per_writer: int) -> float:
    parts = urlsplit(db.dsn)
    datastore = PostgresDatastore(
        db.name,
        parts.hostname or "",
        parts.port or 5432,
        parts.username or "",
        parts.password or "",
        pool_size=writers,
        max_overflow=0,
    )
    recorder = PostgresApplicationRecorder(datastore)
    recorder.create_table()

    def writer(w: int) -> None:
        originator = uuid.uuid4()
        for version in range(1, per_writer + 1):
            state = stored_bytes(w * per_writer + version)
            recorder.insert_events([StoredEvent(originator, version, EVENT_TYPE, state)])

    try:
        with Stopwatch() as sw, ThreadPoolExecutor(max_workers=writers) as pool:
            list(pool.map(writer, range(writers)))
    finally:
        datastore.close()
    return writers * per_writer / sw.seconds
