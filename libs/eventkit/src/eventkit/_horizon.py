"""Has every transaction that had begun at some moment finished? (``rebuild`` waits for it.)

On PostgreSQL the moment is the xmax of a snapshot (the first transaction id not yet
handed out); once a later snapshot's xmin reaches it, every transaction before it has
committed or rolled back, so ``read_all`` returns their events. SQLite has one writer at a
time: whatever committed is already visible, so there is nothing to wait for.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from eventkit._sql import is_postgres

_XMAX = "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
_XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"


async def now(conn: AsyncConnection) -> int:
    if not is_postgres(conn):
        return 0
    return int(await conn.scalar(text(_XMAX)) or 0)


async def passed(conn: AsyncConnection, moment: int) -> bool:
    if not is_postgres(conn):
        return True
    return int(await conn.scalar(text(_XMIN)) or 0) >= moment
