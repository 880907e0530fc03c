"""Outbox rows Kafka will never take, set aside so the rows after them are delivered.

The relay moves such a row (in its batch's transaction) from ``outbox`` to
``outbox_dead_letters`` with the reason; ops see it in ``eventkit_outbox_set_aside_total``
and ``eventkit_outbox_dead_letters``, and can put it back with ``requeue`` once the cause is
gone (a broker's size limit raised, say). A row is never set aside because the broker is
unreachable: that is retried (see ``eventkit.failures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import structlog
from sqlalchemy import Row, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit._sql import utcnow
from eventkit.metrics import OUTBOX_DEAD_LETTERS, OUTBOX_SET_ASIDE
from eventkit.schema import outbox, outbox_dead_letters

log = structlog.get_logger(__name__)
_MOVED = ("id", "message_id", "topic", "key", "value", "headers", "created_at", "attempts")


def reason_for(error: BaseException) -> str:
    """The broker's refusal, as it said it (about sizes and names, never payload)."""
    return f"{type(error).__name__}: {error}"[:1000]


async def set_aside(conn: AsyncConnection, refused: Sequence[tuple[Row[Any], str]]) -> None:
    """Move ``refused`` (claimed outbox rows and why Kafka refused each) aside."""
    if not refused:
        return
    ids = [row.id for row, _ in refused]
    rows = (await conn.execute(select(outbox).where(outbox.c.id.in_(ids)))).mappings().all()
    why = {row.id: reason for row, reason in refused}
    now = utcnow()
    await conn.execute(
        insert(outbox_dead_letters),
        [
            {**{name: row[name] for name in _MOVED}, "attempts": row["attempts"] + 1,
             "failed_at": now, "reason": why[row["id"]]}
            for row in rows
        ],
    )  # fmt: skip
    await conn.execute(delete(outbox).where(outbox.c.id.in_(ids)))
    for row in rows:
        OUTBOX_SET_ASIDE.labels(topic=row["topic"]).inc()
        log.error("outbox_row_set_aside", id=row["id"], topic=row["topic"], why=why[row["id"]])


async def count(conn: AsyncConnection) -> int:
    found = int(await conn.scalar(select(func.count()).select_from(outbox_dead_letters)) or 0)
    OUTBOX_DEAD_LETTERS.set(found)
    return found


async def requeue(conn: AsyncConnection, ids: Sequence[int]) -> int:
    """Put set-aside rows back into the outbox (as new rows, after everything queued
    meanwhile); how many were moved."""
    chosen = outbox_dead_letters.c.id.in_(list(ids))
    rows = (await conn.execute(select(outbox_dead_letters).where(chosen))).mappings().all()
    if rows:
        names = ("message_id", "topic", "key", "value", "headers", "created_at")
        await conn.execute(
            insert(outbox), [{**{n: row[n] for n in names}, "attempts": 0} for row in rows]
        )
        await conn.execute(delete(outbox_dead_letters).where(chosen))
    return len(rows)
