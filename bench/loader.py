"""Fast loading of eventkit's ``events`` table with binary COPY through raw asyncpg.

Appending a million events through ``EventStore.append`` would take longer than the
benchmarks it feeds, so rows go in with COPY in chunks of ``CHUNK``, each chunk its own
transaction. ``position`` (identity) and ``tx_id`` (server default ``pg_current_xact_id()``)
are left to PostgreSQL, exactly as an append fills them, so ``read_all``'s gap-safe
ordering sees ordinary rows: many transactions, each with many events.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
from eventkit import EventStore

from bench.infra import Database
from bench.payload import EVENT_TYPE, body, metadata

CHUNK = 20_000
EVENTS_PER_STREAM = 10
COLUMNS = (
    "stream_id",
    "revision",
    "event_id",
    "type",
    "schema_version",
    "data",
    "metadata",
    "recorded_at",
)


async def load_events(db: Database, count: int) -> None:
    """Create eventkit's schema in ``db`` and COPY ``count`` events into it."""
    engine = db.engine(pool_size=1)
    try:
        await EventStore(engine).create_schema()
    finally:
        await engine.dispose()
    conn = await asyncpg.connect(db.dsn)
    try:
        for start in range(0, count, CHUNK):
            records = list(_records(start, min(count, start + CHUNK)))
            await conn.copy_records_to_table("events", records=records, columns=COLUMNS)
        await conn.execute("analyze events")
    finally:
        await conn.close()
    engine = db.engine(pool_size=1)
    try:  # read_all hides rows while any older transaction on the server is open
        await EventStore(engine).settle()
    finally:
        await engine.dispose()


def _records(start: int, stop: int) -> Iterator[tuple[Any, ...]]:
    meta = json.dumps(metadata())
    now = datetime.now(UTC)
    for n in range(start, stop):
        stream, revision = divmod(n, EVENTS_PER_STREAM)
        yield (
            f"bench-{stream}",
            revision + 1,
            uuid.uuid4(),
            EVENT_TYPE,
            1,
            json.dumps(body(n)),
            meta,
            now,
        )
