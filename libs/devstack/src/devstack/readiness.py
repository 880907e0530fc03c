"""Is a server really serving? A successful protocol round trip, not an open port."""

from __future__ import annotations

import asyncio
import logging

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from devstack._proc import run_sync


def kafka_answers(bootstrap: str) -> bool:
    """True once the broker returns cluster metadata (which needs the controller to be up)."""
    return run_sync(lambda: _kafka_answers(bootstrap))


async def _kafka_answers(bootstrap: str) -> bool:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    # aiokafka logs every refused connection at ERROR while the broker boots; that is expected.
    quiet = logging.getLogger("aiokafka")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        await asyncio.wait_for(admin.start(), timeout=5)
        cluster = await asyncio.wait_for(admin.describe_cluster(), timeout=5)
        return bool(cluster.get("brokers"))
    except (KafkaError, OSError, TimeoutError):
        return False
    finally:
        await admin.close()
        quiet.setLevel(level)


def postgres_answers(url: str) -> bool:
    return run_sync(lambda: _postgres_answers(url))


async def _postgres_answers(url: str) -> bool:
    try:
        connection = await asyncpg.connect(url, timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await connection.close()
    return True
