"""PostgreSQL fast paths: fixed SQL text, so asyncpg prepares each statement once per
connection and SQLAlchemy neither compiles nor converts types on the hot paths.

JSON goes in and out as text through orjson (``::text`` on the way out), independent of
the driver's JSON codecs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit._sql import dumps, loads, utcnow
from eventkit.model import NewEvent, RecordedEvent

# One statement appends a batch: rows come in as parallel arrays. A stream that is not at
# ``expected`` either lacks revision ``expected`` (nothing is inserted) or already has
# ``expected + 1`` (the unique constraint makes the row a no-op, even against a racing
# writer, which it waits for): the caller sees fewer rows than it sent and the
# transaction stays usable, so no separate SELECT is needed up front.
_APPEND = """
INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata,
                    recorded_at)
SELECT $1::varchar, $2::int + n::int, e, t, v, d::jsonb, m::jsonb, $3::timestamptz
FROM unnest($4::uuid[], $5::varchar[], $6::int[], $7::text[], $8::text[])
     WITH ORDINALITY AS u(e, t, v, d, m, n)
WHERE $2::int = 0
   OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1::varchar AND revision = $2::int)
ON CONFLICT (stream_id, revision) DO NOTHING
"""
_UNDO = "DELETE FROM events WHERE event_id = ANY($1::uuid[])"

_SELECT = """
SELECT position, stream_id, revision, event_id, type, schema_version,
       data::text, metadata::text, recorded_at
FROM events
WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
"""
_AFTER = """
  AND (tx_id, position) > ((SELECT tx_id FROM events WHERE position = :after), :after)
"""
_ORDER = " ORDER BY tx_id, position"


async def append(
    conn: AsyncConnection, stream_id: str, expected: int, new_events: Sequence[NewEvent]
) -> bool:
    """Insert ``new_events`` after ``expected``; False (and nothing kept) on a conflict."""
    params = (
        stream_id,
        expected,
        utcnow(),
        [e.event_id for e in new_events],
        [e.type for e in new_events],
        [e.schema_version for e in new_events],
        [dumps(dict(e.data)) for e in new_events],
        [dumps(dict(e.metadata)) for e in new_events],
    )
    result = await conn.exec_driver_sql(_APPEND, params)
    if result.rowcount == len(new_events):
        return True
    if result.rowcount > 0:  # some rows landed beyond the clash: take them back out
        await conn.exec_driver_sql(_UNDO, ([e.event_id for e in new_events],))
    return False


def _query(after: int) -> tuple[Any, dict[str, int]]:
    sql = _SELECT + (_AFTER if after > 0 else "") + _ORDER
    return sql, {"after": after} if after > 0 else {}


async def read_all(conn: AsyncConnection, after: int, limit: int) -> list[RecordedEvent]:
    sql, params = _query(after)
    rows = await conn.execute(text(sql + " LIMIT :limit"), {**params, "limit": limit})
    return [_recorded(row) for row in rows]


async def stream_all(
    conn: AsyncConnection, after: int, batch_size: int
) -> AsyncIterator[list[RecordedEvent]]:
    """``read_all`` from ``after`` to the end through one server-side cursor, in batches."""
    sql, params = _query(after)
    options = {"yield_per": batch_size}
    result = await conn.stream(text(sql).execution_options(**options), params)
    try:
        async for rows in result.partitions(batch_size):
            yield [_recorded(row) for row in rows]
    finally:
        await result.close()


def _recorded(row: Any) -> RecordedEvent:
    position, stream_id, revision, event_id, type_, version, data, meta, at = row
    return RecordedEvent(
        position, stream_id, revision, event_id, type_, version, loads(data), loads(meta), at
    )
