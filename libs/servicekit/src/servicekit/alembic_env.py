"""The body of every service's alembic ``env.py`` (online, async engine)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context
from sqlalchemy.ext.asyncio import create_async_engine


def run(metadata: Sequence[sa.MetaData]) -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None

    def migrate(connection: sa.Connection) -> None:
        context.configure(connection=connection, target_metadata=list(metadata))
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # One migrator at a time: every replica may run `migrate` on start.
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(736563001)"))
            context.run_migrations()

    async def online() -> None:
        engine = create_async_engine(url, hide_parameters=True)
        async with engine.connect() as conn:
            await conn.run_sync(migrate)
            await conn.commit()
        await engine.dispose()

    asyncio.run(online())
