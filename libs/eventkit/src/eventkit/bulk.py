"""Appending to many streams in one statement, for batch writers (e.g. a scheduler's firing).

``UnitOfWork.append`` costs two round trips per stream (revision check, insert). A writer
that appends one or two events to each of hundreds of streams in one transaction, and whose
decision does not depend on what those streams hold (it is guarded by something else it has
locked, such as a read-model row), appends them all with ``append_to_streams``: one query
for the streams' ends, one multi-row insert after them.

A concurrent writer that appends to one of the streams between the two statements makes the
insert hit the unique (stream_id, revision) constraint; the insert ran in a savepoint, so it
is rolled back alone and retried after the new ends. ``ConcurrencyError`` only when a stream
keeps moving.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit._sql import is_postgres, utcnow
from eventkit.model import ConcurrencyError, NewEvent
from eventkit.schema import events

ATTEMPTS = 3


async def append_to_streams(
    conn: AsyncConnection, appends: Mapping[str, Sequence[NewEvent]]
) -> dict[str, int]:
    """Append each stream's events after its last one (as ``conn``'s transaction sees it).

    Returns each stream's new revision. Call it inside a unit of work (``uow.connection``)
    so the events commit with everything else the transaction does.
    """
    appends = {stream: batch for stream, batch in appends.items() if batch}
    if not appends:
        return {}
    ends: dict[str, int] = {}
    for _ in range(ATTEMPTS):
        ends = await stream_ends(conn, list(appends))
        try:
            await _insert(conn, appends, ends)
        except IntegrityError:
            moved = await stream_ends(conn, list(appends))
            if moved == ends:
                raise  # not a revision clash (e.g. a reused event_id)
            continue
        return {stream: ends[stream] + len(batch) for stream, batch in appends.items()}
    stream = next(iter(appends))
    raise ConcurrencyError(stream, ends[stream], (await stream_ends(conn, [stream]))[stream])


async def stream_ends(conn: AsyncConnection, streams: Sequence[str]) -> dict[str, int]:
    """The current revision of each stream (0 for a stream with no events), in one query."""
    query = (
        select(events.c.stream_id, func.max(events.c.revision))
        .where(events.c.stream_id.in_(streams))
        .group_by(events.c.stream_id)
    )
    found = {stream: int(revision) for stream, revision in await conn.execute(query)}
    return {stream: found.get(stream, 0) for stream in streams}


async def _insert(
    conn: AsyncConnection, appends: Mapping[str, Sequence[NewEvent]], ends: Mapping[str, int]
) -> None:
    recorded_at = utcnow()
    rows = [
        {
            "stream_id": stream,
            "revision": ends[stream] + offset,
            "event_id": event.event_id,
            "type": event.type,
            "schema_version": event.schema_version,
            "data": dict(event.data),
            "metadata": dict(event.metadata),
            "recorded_at": recorded_at,
        }
        for stream, batch in appends.items()
        for offset, event in enumerate(batch, start=1)
    ]
    if not is_postgres(conn):  # SQLite: one writer at a time, nothing can race the insert
        await conn.execute(insert(events), rows)
        return
    async with conn.begin_nested():  # a clash rolls back this insert, not the transaction
        await conn.execute(insert(events), rows)
