"""Reading events: one stream, or all streams in a gap-safe global order."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing
from datetime import datetime
from typing import Any

from sqlalchemy import Row, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit import _pg
from eventkit._sql import as_utc, is_postgres
from eventkit.model import RecordedEvent
from eventkit.schema import events

_COLUMNS = (
    events.c.position,
    events.c.stream_id,
    events.c.revision,
    events.c.event_id,
    events.c.type,
    events.c.schema_version,
    events.c.data,
    events.c["metadata"],
    events.c.recorded_at,
)

# Built once (SQLAlchemy's constructs cost CPU on every call; the compiled form is cached).
_STREAM = (
    select(*_COLUMNS)
    .where(events.c.stream_id == bindparam("stream_id"), events.c.revision > bindparam("after"))
    .order_by(events.c.revision)
)
_STREAM_AS_OF = _STREAM.where(events.c.recorded_at <= bindparam("as_of"))


def _recorded(row: Row[*tuple[Any, ...]]) -> RecordedEvent:
    position, stream_id, revision, event_id, type_, version, data, meta, at = row
    # The JSON type hands back fresh objects: no copies needed.
    return RecordedEvent(
        position, stream_id, revision, event_id, type_, version, data, meta, as_utc(at)
    )


async def load_stream(
    conn: AsyncConnection, stream_id: str, as_of: datetime | None, after: int = 0
) -> list[RecordedEvent]:
    """The stream's events after revision ``after`` (0: all), recorded by ``as_of`` if given."""
    if as_of is None and is_postgres(conn):
        return await _pg.load_stream(conn, stream_id, after)
    params: dict[str, Any] = {"stream_id": stream_id, "after": after}
    if as_of is None:
        rows = await conn.execute(_STREAM, params)
    else:
        rows = await conn.execute(_STREAM_AS_OF, {**params, "as_of": as_utc(as_of)})
    return [_recorded(row) for row in rows]


async def current_revision(conn: AsyncConnection, stream_id: str) -> int:
    query = select(func.coalesce(func.max(events.c.revision), 0))
    revision = await conn.scalar(query.where(events.c.stream_id == stream_id))
    return int(revision or 0)


async def read_all(conn: AsyncConnection, after: int, limit: int) -> list[RecordedEvent]:
    """Events after the one at position ``after`` (0: from the start), in commit-safe order.

    Positions come from a sequence when a row is inserted, but transactions commit in any
    order: "position > last seen" would skip an event whose transaction commits after a
    larger position was already read. On PostgreSQL every row therefore records the id of
    the transaction that wrote it (``tx_id``), and a reader

    * returns only rows with ``tx_id < pg_snapshot_xmin(pg_current_snapshot())``: every
      transaction below the snapshot's xmin has finished, so no row can still appear there;
    * orders by ``(tx_id, position)`` and resumes after the *key* of the event at ``after``.
      A transaction that commits later has ``tx_id >= xmin`` of every earlier read, so its
      rows sort after everything already returned, even if their positions are smaller
      (a transaction can get its id before another one inserts, and insert after it).

    So the checkpoint is the ``position`` of the last event returned (not the largest one).
    A long-running writer delays readers, it never makes them skip. SQLite has one writer
    at a time, so commit order is position order and plain ordering is already safe.
    """
    if not is_postgres(conn):
        query = select(*_COLUMNS).where(events.c.position > after).order_by(events.c.position)
        return [_recorded(row) for row in await conn.execute(query.limit(limit))]
    found = await _pg.read_all(conn, after, limit)
    if not found and after > 0:  # an unknown position also reads as nothing: tell them apart
        await _require_position(conn, after)
    return found


async def stream_all(
    conn: AsyncConnection, after: int = 0, batch_size: int = 5000, prefetch: bool = False
) -> AsyncGenerator[list[RecordedEvent], None]:
    """Everything ``read_all`` would page through from ``after``, as batches of events.

    On PostgreSQL one server-side cursor (one snapshot) streams the rows, so it needs a
    transaction on ``conn`` and takes one round trip per batch, not a query per page.
    ``prefetch`` asks for the next batch while the caller has this one: only if the
    caller does not use ``conn`` in the meantime.
    """
    if after > 0:
        await _require_position(conn, after)
    if is_postgres(conn):
        # closed with this one: a batch may still be on its way when the caller stops
        async with aclosing(_pg.stream_all(conn, after, batch_size, prefetch)) as batches:
            async for batch in batches:
                yield batch
        return
    while batch := await read_all(conn, after, batch_size):
        yield batch
        after = batch[-1].position


async def _require_position(conn: AsyncConnection, position: int) -> None:
    found = await conn.scalar(select(events.c.position).where(events.c.position == position))
    if found is None:
        raise LookupError(f"no event at position {position}: not a checkpoint read_all gave")
