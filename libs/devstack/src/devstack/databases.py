"""Databases inside the shared cluster: one per service, and a fresh one per test."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from devstack._proc import run_sync

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def database_url(admin_url: str, name: str, driver: str = "asyncpg") -> str:
    """The admin URL pointed at database `name`, with a SQLAlchemy driver in the scheme."""
    parts = urlsplit(admin_url)
    scheme = f"postgresql+{driver}" if driver else "postgresql"
    return urlunsplit((scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def create_database(admin_url: str, name: str) -> str:
    """Create database `name` unless it exists; return its `postgresql+asyncpg://` URL."""
    if not _NAME.match(name):
        # The name ends up in DDL, where it cannot be a bound parameter.
        raise ValueError(f"invalid database name {name!r}: use [a-z0-9_], at most 63 characters")
    run_sync(lambda: _create(admin_url, name))
    return database_url(admin_url, name)


async def _create(admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(admin_url, timeout=10)
    try:
        exists = await connection.fetchval("select 1 from pg_database where datname = $1", name)
        if not exists:
            await connection.execute(f'create database "{name}"')
    except asyncpg.DuplicateDatabaseError:
        pass  # created by a concurrent caller between our check and our create
    finally:
        await connection.close()
