"""An append on its own (``EventStore.append`` on PostgreSQL) takes a pooled driver
connection directly: its errors must still be told apart, and a dead connection dropped."""

from __future__ import annotations

import pytest
from eventkit import ConcurrencyError, EventStore, NewEvent
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

pytestmark = pytest.mark.integration

_KILL_OTHERS = """
select count(pg_terminate_backend(pid)) from pg_stat_activity
 where datname = current_database() and pid <> pg_backend_pid()
"""


async def test_a_reused_event_id_is_an_integrity_error_not_a_conflict(pg_store: EventStore) -> None:
    # given an event already stored in one stream
    first = NewEvent("Happened", {"n": 1})
    await pg_store.append("a", 0, [first])
    # when the same event id is appended to a new stream
    again = NewEvent("Happened", {"n": 2}, event_id=first.event_id)
    with pytest.raises(IntegrityError):
        await pg_store.append("b", 0, [again])
    # then it is refused as bad data (not reported as a revision clash) and nothing was added
    assert await pg_store.load("b") == []
    with pytest.raises(ConcurrencyError):
        await pg_store.append("a", 0, [NewEvent("Happened", {"n": 3})])


async def test_a_pooled_connection_the_server_closed_is_dropped(pg_store: EventStore) -> None:
    # given a pooled connection that served an append
    await pg_store.append("s", 0, [NewEvent("Happened", {"n": 1})])
    # when the server terminates it while it idles in the pool
    admin = create_async_engine(pg_store.engine.url, poolclass=NullPool)
    async with admin.connect() as conn:
        assert (await conn.exec_driver_sql(_KILL_OTHERS)).scalar() == 1
    await admin.dispose()
    # then the append that meets it fails, and the pool does not hand it out again
    with pytest.raises(Exception):  # noqa: B017, PT011 - asyncpg's error for a closed socket
        await pg_store.append("s", 1, [NewEvent("Happened", {"n": 2})])
    await pg_store.append("s", 1, [NewEvent("Happened", {"n": 2})])
    assert [e.data["n"] for e in await pg_store.load("s")] == [1, 2]
