"""A pooled connection the database dropped while it sat idle is replaced, not handed out."""

from __future__ import annotations

from collections.abc import Callable

import asyncpg
import pytest
from servicekit import db
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def _pooled_backend_killed(engine: AsyncEngine, url: str) -> None:
    """One connection goes back to the pool; then the server ends its backend."""
    async with engine.connect() as conn:
        pid = await conn.scalar(text("select pg_backend_pid()"))
    admin = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        await admin.execute("select pg_terminate_backend($1)", pid)
    finally:
        await admin.close()


async def test_an_idle_connection_the_server_dropped_is_replaced(
    new_database_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a pooled connection whose backend ended while it was idle (longer than the limit)
    url = new_database_url("pool")
    engine = db.engine_for(url)
    monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
    try:
        await _pooled_backend_killed(engine, url)
        # When the next request checks out a connection
        async with engine.connect() as conn:
            answer = await conn.scalar(text("select 1"))
        # Then it works: the dead one was found on checkout and replaced
        assert answer == 1
    finally:
        await engine.dispose()


async def test_a_connection_back_from_work_moments_ago_is_not_pinged(
    new_database_url: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a pool whose connections count as fresh for an hour, and a count of pings
    engine = db.engine_for(new_database_url("pool"))
    monkeypatch.setattr(db, "IDLE_PING_SECONDS", 3600.0)
    pings: list[object] = []
    real_ping = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda c: pings.append(c) or real_ping(c))
    try:
        # When one connection goes back and forth between pool and work
        for _ in range(3):
            async with engine.connect() as conn:
                await conn.scalar(text("select 1"))
        # Then it is handed out unchecked: no round trip spent on a ping
        assert pings == []
    finally:
        await engine.dispose()
