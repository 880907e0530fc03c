"""PostgreSQL reads straight through asyncpg: fixed SQL text, rows unpacked from asyncpg
records, JSON (``::text``) decoded by orjson. That skips SQLAlchemy's per-row work, most
of a replay's cost in Python.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
from collections.abc import AsyncGenerator, Callable, Iterable
from typing import Any, cast

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
# One stream, after a revision: the query every command runs first.
_STREAM = """
SELECT position, stream_id, revision, event_id, type, schema_version,
       data::text, metadata::text, recorded_at
FROM events
WHERE stream_id = $1 AND revision > $2
ORDER BY revision
"""
# A cursor lives until its transaction ends: a name of its own for every replay.
_cursor_names = (f"eventkit_replay_{n}" for n in itertools.count())
# RecordedEvent's own __new__ is a Python function; tuple's is the C one underneath.
_new_event = cast(Callable[[type, tuple[Any, ...]], RecordedEvent], tuple.__new__)


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


async def load_stream(conn: AsyncConnection, stream_id: str, after: int) -> list[RecordedEvent]:
    """Through SQLAlchemy's connection (it begins a pending transaction with it), but as
    fixed text: nothing to build, compile or convert per call."""
    return _built(await conn.exec_driver_sql(_STREAM, (stream_id, after)))


async def read_all(conn: AsyncConnection, after: int, limit: int) -> list[RecordedEvent]:
    raw = await driver(conn)
    if after > 0:
        rows = await raw.fetch(_AFTER + "LIMIT $2", after, limit)
    else:
        rows = await raw.fetch(_FROM_START + "LIMIT $1", limit)
    return _events(rows)


async def stream_all(
    conn: AsyncConnection, after: int, batch_size: int, prefetch: bool = False
) -> AsyncGenerator[list[RecordedEvent], None]:
    """``read_all`` from ``after`` to the end through one server-side cursor (one
    snapshot), a round trip per batch. Needs a transaction on ``conn``.

    With ``prefetch`` the next batch is asked for before this one is built and handed
    over, so PostgreSQL reads it meanwhile; only for a ``conn`` nobody else uses then.
    """
    fetch = await _declare(await driver(conn), after, batch_size)
    ahead = asyncio.ensure_future(fetch.fetch()) if prefetch else None
    try:
        while rows := await (fetch.fetch() if ahead is None else ahead):
            if ahead is not None:
                ahead = asyncio.ensure_future(fetch.fetch())
                await asyncio.sleep(0)  # let it send the request
            events = _events(rows)
            del rows  # the records go now, not when the next batch is in
            yield events
    finally:
        if ahead is not None:  # the connection is busy until that answer is in
            await asyncio.gather(ahead, return_exceptions=True)


async def _declare(raw: Any, after: int, batch_size: int) -> Any:
    """A cursor over ``read_all``'s query; returns the prepared statement fetching a batch.

    An SQL cursor (DECLARE) rather than a protocol-level portal: PostgreSQL plans a
    DECLAREd cursor for a fast start, so it walks the ``(tx_id, position)`` index; a
    portal gets the plan for reading every row at once, which on some tables sorts them
    all (on disk) before the first batch.
    """
    name = next(_cursor_names)
    declare = f"DECLARE {name} NO SCROLL CURSOR FOR "
    if after > 0:
        await (await raw.prepare(declare + _AFTER)).fetch(after)
    else:
        await raw.execute(declare + _FROM_START)
    return await raw.prepare(f"FETCH FORWARD {int(batch_size)} FROM {name}")


def _events(rows: Iterable[Any]) -> list[RecordedEvent]:
    """The rows as events, built with the cyclic garbage collector paused.

    A batch allocates thousands of objects that stay alive and form no cycles. Left on,
    the collector runs every 700 allocations, promotes them all, and every few batches
    walks the whole heap: half a replay's CPU time in the benchmark. Paused, it runs
    once afterwards. Synchronous code: nothing else on the event loop runs meanwhile.
    """
    if not gc.isenabled():  # the application turned it off itself: leave it so
        return _built(rows)
    gc.disable()
    try:
        return _built(rows)
    finally:
        gc.enable()


def _built(rows: Iterable[Any]) -> list[RecordedEvent]:
    new, decode = _new_event, loads
    return [
        new(
            RecordedEvent,
            (position, stream, revision, event_id, type_, v, decode(d), decode(m), at),
        )
        for position, stream, revision, event_id, type_, v, d, m, at in rows
    ]
