"""Real infrastructure from devstack: a fresh database per benchmark, dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import asyncpg
import devstack
from eventkit import TopicSpec, ensure_topics
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


@dataclass(frozen=True, slots=True)
class Database:
    name: str
    url: str  # postgresql+asyncpg:// for SQLAlchemy
    dsn: str  # postgresql:// for raw asyncpg and psycopg

    def engine(self, pool_size: int = 10) -> AsyncEngine:
        return create_async_engine(self.url, pool_size=pool_size, max_overflow=pool_size)


def kafka() -> str:
    return devstack.ensure_kafka()


@asynccontextmanager
async def fresh_database(prefix: str) -> AsyncIterator[Database]:
    """A new, empty database on the devstack cluster; dropped when the block ends."""
    admin = devstack.ensure_postgres()
    name = f"bench_{prefix}_{uuid.uuid4().hex[:10]}"
    url = devstack.create_database(admin, name)
    dsn = devstack.database_url(admin, name, driver="")
    try:
        yield Database(name, url, dsn)
    finally:
        await _drop(admin, name)


async def _drop(admin_url: str, name: str) -> None:
    conn = await asyncpg.connect(admin_url, timeout=10)
    try:
        # The name was generated above from [a-z0-9_]; DDL cannot take it as a parameter.
        await conn.execute(f'drop database if exists "{name}" with (force)')
    finally:
        await conn.close()


async def new_topic(bootstrap: str, prefix: str, partitions: int = 1) -> str:
    """A topic no earlier run has written to, so counting what arrives counts this run."""
    name = f"bench.{prefix}.{uuid.uuid4().hex[:10]}"
    await ensure_topics(bootstrap, [TopicSpec(name, partitions=partitions)])
    return name
