"""PostgreSQL appends in one statement each: fixed SQL text, so asyncpg prepares it once
per connection and SQLAlchemy neither compiles it nor converts types.

Rows go in as parallel arrays (``unnest``), JSON as text made by orjson. The stream must
be at ``expected``: a stream behind it lacks revision ``expected`` (the guard inserts
nothing), one ahead of it already has ``expected + 1`` (the unique (stream_id, revision)
constraint, which also waits for a racing writer and then stops it). So no SELECT up front.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.util import greenlet_spawn

from eventkit._sql import dumps, utcnow
from eventkit.model import NewEvent, OutboxMessage
from eventkit.wakeup import OUTBOX_CHANNEL

_EVENTS = """
INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata,
                    recorded_at)
SELECT $1::varchar, $2::int + n::int, e, t, v, d::jsonb, m::jsonb, $3::timestamptz
FROM unnest($4::uuid[], $5::varchar[], $6::int[], $7::text[], $8::text[])
     WITH ORDINALITY AS u(e, t, v, d, m, n)
WHERE $2::int = 0
   OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1::varchar AND revision = $2::int)
"""
# Inside a unit of work: a clash inserts nothing for that row and the transaction stays
# usable; the caller sees fewer rows than it sent.
_IN_TRANSACTION = _EVENTS + "ON CONFLICT (stream_id, revision) DO NOTHING"
_UNDO = "DELETE FROM events WHERE event_id = ANY($1::uuid[])"
_REVISION = "SELECT coalesce(max(revision), 0) FROM events WHERE stream_id = $1::varchar"

# On its own (autocommit): events and outbox rows in one statement, one round trip. A clash
# fails the whole statement; outbox rows go in only if the events did.
_ALONE = f"""
WITH ev AS ({_EVENTS} RETURNING 1),
ob AS (
  INSERT INTO outbox (message_id, topic, key, value, headers, created_at, attempts)
  SELECT i, t, k, v, h::jsonb, $3::timestamptz, 0
  FROM unnest($9::uuid[], $10::varchar[], $11::bytea[], $12::bytea[], $13::text[])
       AS o(i, t, k, v, h)
  WHERE EXISTS (SELECT 1 FROM ev)
  ON CONFLICT (message_id) DO NOTHING
)
SELECT count(*) FROM ev
"""  # noqa: S608 - constant SQL, values are parameters

INBOX = """
INSERT INTO inbox (consumer, event_id, processed_at)
SELECT $1::varchar, e, $3::timestamptz FROM unnest($2::uuid[]) AS u(e)
ON CONFLICT DO NOTHING
RETURNING event_id
"""


# Outbox rows and the relay's wake-up in one round trip (the CTE's insert always runs; the
# notification is delivered at commit, so it never announces a row the relay cannot see).
_ENQUEUE = f"""
WITH ob AS (
  INSERT INTO outbox (message_id, topic, key, value, headers, created_at, attempts)
  SELECT i, t, k, v, h::jsonb, $1::timestamptz, 0
  FROM unnest($2::uuid[], $3::varchar[], $4::bytea[], $5::bytea[], $6::text[])
       AS o(i, t, k, v, h)
  ON CONFLICT (message_id) DO NOTHING
)
SELECT pg_notify('{OUTBOX_CHANNEL}', '')
"""  # noqa: S608 - constant SQL, values are parameters


def _event_params(stream_id: str, expected: int, events: Sequence[NewEvent]) -> list[Any]:
    return [
        stream_id,
        expected,
        utcnow(),
        [e.event_id for e in events],
        [e.type for e in events],
        [e.schema_version for e in events],
        [dumps(dict(e.data)) for e in events],
        [dumps(dict(e.metadata)) for e in events],
    ]


def outbox_headers(message: OutboxMessage) -> list[list[str]]:
    return [[name, base64.b64encode(value).decode()] for name, value in message.headers]


def _outbox_params(outbox: Sequence[OutboxMessage]) -> list[Any]:
    return [
        [m.message_id for m in outbox],
        [m.topic for m in outbox],
        [m.key for m in outbox],
        [m.value for m in outbox],
        [dumps(outbox_headers(m)) for m in outbox],
    ]


async def enqueue_in(conn: AsyncConnection, outbox: Sequence[OutboxMessage]) -> None:
    """Outbox rows in ``conn``'s transaction (a message id already there is skipped), and
    the relay's wake-up for when it commits."""
    await conn.exec_driver_sql(_ENQUEUE, (utcnow(), *_outbox_params(outbox)))


async def append_in(
    conn: AsyncConnection, stream_id: str, expected: int, events: Sequence[NewEvent]
) -> bool:
    """Insert ``events`` after ``expected`` in ``conn``'s transaction; False (and nothing
    kept) if the stream is elsewhere."""
    result = await conn.exec_driver_sql(
        _IN_TRANSACTION, tuple(_event_params(stream_id, expected, events))
    )
    if result.rowcount == len(events):
        return True
    if result.rowcount > 0:  # rows beyond the clash landed: take them back out
        await conn.exec_driver_sql(_UNDO, ([e.event_id for e in events],))
    return False


async def append_alone(
    engine: AsyncEngine,
    stream_id: str,
    expected: int,
    events: Sequence[NewEvent],
    outbox: Sequence[OutboxMessage],
) -> int | None:
    """One autocommitted statement on a pooled driver connection; None if appended, else
    the stream's revision (it is elsewhere). Other integrity errors (a reused event_id) raise.

    The driver connection is taken from the pool without a SQLAlchemy ``Connection`` around
    it: that wrapper (three greenlet hops and its events) was a third of the append's CPU.
    """
    params = [*_event_params(stream_id, expected, events), *_outbox_params(outbox)]
    clash: asyncpg.UniqueViolationError | None = None
    async with _driver(engine) as driver:
        try:
            if await driver.fetchval(_ALONE, *params) == len(events):
                return None
        except asyncpg.UniqueViolationError as error:  # ahead of expected, or a reused id
            clash = error
        revision = int(await driver.fetchval(_REVISION, stream_id))
    if clash is not None and revision == expected:
        raise IntegrityError(_ALONE, params, clash) from clash  # e.g. a reused event_id
    return revision


@asynccontextmanager
async def _driver(engine: AsyncEngine) -> AsyncIterator[asyncpg.Connection]:
    """A pooled asyncpg connection; one that an error left closed is dropped, not pooled."""
    pooled = await engine.raw_connection()
    driver = pooled.driver_connection
    assert driver is not None  # a pooled connection that is not detached has its driver
    try:
        yield driver
    except BaseException:
        if driver.is_closed():
            await greenlet_spawn(pooled.invalidate)
        raise
    finally:
        await greenlet_spawn(pooled.close)
