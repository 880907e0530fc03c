"""Stores on both supported databases: a fresh SQLite file and a fresh PostgreSQL database.

PostgreSQL comes from the devstack pytest plugin (real server); without it those
parametrisations are skipped, SQLite always runs.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from eventkit import EventStore
from sqlalchemy.ext.asyncio import create_async_engine

BACKENDS = ["sqlite", "postgresql"]


async def database_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'events.db'}"
    try:
        factory = request.getfixturevalue("new_database_url")
    except pytest.FixtureLookupError:
        pytest.skip("devstack pytest plugin (PostgreSQL) not available")
    url = factory("eventkit")
    return str(await url if inspect.isawaitable(url) else url)


@pytest.fixture(params=BACKENDS)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[EventStore]:
    engine = create_async_engine(await database_url(request, request.param, tmp_path))
    store = EventStore(engine)
    await store.create_schema()
    yield store
    await engine.dispose()


@pytest.fixture
async def pg_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[EventStore]:
    """PostgreSQL only: for the tests about concurrent transactions."""
    engine = create_async_engine(await database_url(request, "postgresql", tmp_path))
    store = EventStore(engine)
    await store.create_schema()
    yield store
    await engine.dispose()
