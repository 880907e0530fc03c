"""A pooled connection the server has closed is replaced at checkout (no pre-ping)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import asyncpg
from servicekit import db
from sqlalchemy import text


async def test_a_connection_killed_by_the_server_is_replaced_at_checkout(
    new_database_url: Callable[[str], str],
) -> None:
    # given a pool holding one idle connection, whose backend the server then terminates
    url = new_database_url("db")
    engine = db.engine_for(url)
    try:
        async with engine.connect() as conn:
            pid = await conn.scalar(text("select pg_backend_pid()"))
        admin = await asyncpg.connect(url.replace("+asyncpg", ""))
        await admin.execute("select pg_terminate_backend($1)", pid)
        await admin.close()
        await asyncio.sleep(0.2)  # the event loop reads the server's goodbye
        # when the next unit of work checks a connection out
        async with engine.begin() as conn:
            fresh = await conn.scalar(text("select pg_backend_pid()"))
        # then it works, on a new backend
        assert fresh != pid
    finally:
        await engine.dispose()
