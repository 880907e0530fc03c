"""PostgreSQL reads straight through asyncpg: fixed SQL text (prepared once per
connection), rows unpacked from asyncpg records, JSON (``::text``) decoded by orjson.
That skips SQLAlchemy's per-row work, most of a replay's cost in Python.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit._sql import loads
from eventkit.model import RecordedEvent

_SELECT = """
SELECT position, stream_id, revision, event_id, type, schema_version,
       data::text, metadata::text, recorded_at
FROM events
WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
"""
_AFTER_KEY = "AND (tx_id, position) > ((SELECT tx_id FROM events WHERE position = $1), $1)\n"
_ORDER = "ORDER BY tx_id, position\n"
_FROM_START = _SELECT + _ORDER
_AFTER = _SELECT + _AFTER_KEY + _ORDER


async def driver(conn: AsyncConnection) -> Any:
    """The asyncpg connection under ``conn``, inside ``conn``'s transaction if it has one.

    SQLAlchemy sends BEGIN lazily with its first statement: a trivial one makes sure the
    transaction has begun before the driver is used directly.
    """
    raw = (await conn.get_raw_connection()).driver_connection
    assert raw is not None  # a checked-out connection always has its driver connection
    if conn.in_transaction() and not raw.is_in_transaction():
        await conn.exec_driver_sql("SELECT 1")
    return raw


async def read_all(conn: AsyncConnection, after: int, limit: int) -> list[RecordedEvent]:
    raw = await driver(conn)
    if after > 0:
        rows = await raw.fetch(_AFTER + "LIMIT $2", after, limit)
    else:
        rows = await raw.fetch(_FROM_START + "LIMIT $1", limit)
    return [_recorded(row) for row in rows]


async def stream_all(
    conn: AsyncConnection, after: int, batch_size: int
) -> AsyncIterator[list[RecordedEvent]]:
    """``read_all`` from ``after`` to the end through one server-side cursor (one
    snapshot), a round trip per batch. Needs a transaction on ``conn``."""
    raw = await driver(conn)
    cursor = await (raw.cursor(_AFTER, after) if after > 0 else raw.cursor(_FROM_START))
    while rows := await cursor.fetch(batch_size):
        yield [_recorded(row) for row in rows]


def _recorded(row: Any) -> RecordedEvent:
    position, stream_id, revision, event_id, type_, version, data, meta, at = row
    return RecordedEvent(
        position, stream_id, revision, event_id, type_, version, loads(data), loads(meta), at
    )
