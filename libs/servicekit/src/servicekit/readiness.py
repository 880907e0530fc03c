"""What ``/readyz`` checks: the database answers, the broker answers, the schema is at head."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient
from eventkit.security import client_options
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from servicekit import migrations

Check = Callable[[], Awaitable[None]]
BROKER_TIMEOUT_SECONDS = 3.0


def database(engine: AsyncEngine) -> Check:
    async def check() -> None:
        async with engine.connect() as conn:
            await conn.execute(text("select 1"))

    return check


def broker(bootstrap_servers: str) -> Check:
    async def check() -> None:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap_servers,
            request_timeout_ms=int(BROKER_TIMEOUT_SECONDS * 1000),
            **client_options(),
        )
        try:
            # Starting bootstraps: a broker must answer a metadata request for the cluster.
            # No topic listing: on a shared cluster with thousands of topics that alone took
            # the whole timeout, so /readyz stayed 503 on a healthy broker.
            await asyncio.wait_for(admin.start(), BROKER_TIMEOUT_SECONDS)
        finally:
            await admin.close()

    return check


def schema(engine: AsyncEngine, scripts: Path) -> Check:
    """On the service's own pool; the head revision is read from the scripts once."""
    wanted = migrations.head(scripts)

    async def check() -> None:
        migrations.check_head(await migrations.revision_of(engine), wanted)

    return check


def standard(engine: AsyncEngine, bootstrap_servers: str, scripts: Path) -> dict[str, Check]:
    return {
        "database": database(engine),
        "broker": broker(bootstrap_servers),
        "schema": schema(engine, scripts),
    }
