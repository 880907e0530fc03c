"""A pooled connection the server has closed is replaced at checkout (no pre-ping)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import asyncpg
import pytest
from servicekit import db
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError


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


async def test_a_failing_statement_never_shows_its_parameters(tmp_path: Path) -> None:
    # Given an engine of the services (the SQLite quick start needs no server)
    engine = db.engine_for(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("create table people (cpr text primary key)"))
            await conn.execute(text("insert into people values (:cpr)"), {"cpr": "0103151234"})
        # When a statement with personal data in its parameters fails
        with pytest.raises(IntegrityError) as failed:
            async with engine.begin() as conn:
                await conn.execute(text("insert into people values (:cpr)"), {"cpr": "0103151234"})
        # Then neither the error nor its traceback text carries the parameters
        assert "0103151234" not in str(failed.value)
        assert "hidden due to hide_parameters" in str(failed.value)
    finally:
        await engine.dispose()
