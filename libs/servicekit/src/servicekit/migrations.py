"""Schema migrations with alembic, one script directory per service.

PostgreSQL is migrated by alembic revisions. The embedded SQLite quick start creates the
schema from the same metadata and stamps it at head. Either way a service refuses to start
on a schema revision it does not know (an older image against a newer database, or the
reverse), which would otherwise fail later in confusing ways.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


class UnknownSchema(RuntimeError):
    """The database is not at the revision this code was built for."""


def config(url: str, script_location: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head(script_location: Path) -> str | None:
    return ScriptDirectory.from_config(config("sqlite://", script_location)).get_current_head()


async def current(url: str) -> str | None:
    engine = create_async_engine(url, hide_parameters=True)
    try:
        return await revision_of(engine)
    finally:
        await engine.dispose()


async def revision_of(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(_revision)


def _revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def migrate(url: str, script_location: Path, metadata: Sequence[sa.MetaData]) -> None:
    """Bring the database to head (idempotent; alembic holds a lock on PostgreSQL)."""
    cfg = config(url, script_location)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_async_engine(url, hide_parameters=True)
        async with engine.begin() as conn:
            for meta in metadata:
                await conn.run_sync(meta.create_all)
        await engine.dispose()
        await asyncio.to_thread(command.stamp, cfg, "head")
        return
    await asyncio.to_thread(command.upgrade, cfg, "head")


async def require_head(url: str, script_location: Path) -> None:
    check_head(await current(url), head(script_location))


def check_head(found: str | None, wanted: str | None) -> None:
    if found != wanted:
        raise UnknownSchema(
            f"database schema is at {found!r}, this build needs {wanted!r}: "
            "run `python -m <service> migrate` with the matching image"
        )


def _diff(connection: sa.Connection, metadata: Sequence[sa.MetaData]) -> list[object]:
    from alembic.autogenerate import compare_metadata  # noqa: PLC0415 - tests and ops only

    merged = sa.MetaData()
    for meta in metadata:
        for table in meta.tables.values():
            table.to_metadata(merged)
    context = MigrationContext.configure(connection)
    return list(compare_metadata(context, merged))


async def drift(url: str, metadata: Sequence[sa.MetaData]) -> list[object]:
    """What the code's tables have that the migrated database lacks (empty: in step)."""
    engine = create_async_engine(url, hide_parameters=True)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_diff, metadata)
    finally:
        await engine.dispose()
