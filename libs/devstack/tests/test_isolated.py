"""Isolated brokers and clusters keep their data across a restart and a kill, on own ports."""

from __future__ import annotations

import uuid

import asyncpg  # type: ignore[import-untyped]
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from devstack import isolated_kafka, isolated_postgres, kafka_local, postgres_local

pytestmark = pytest.mark.integration


async def _produce(bootstrap: str, topic: str, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(topic, value)
    finally:
        await producer.stop()


async def _values(bootstrap: str, topic: str) -> list[bytes]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        batch = await consumer.getmany(timeout_ms=5000)
        return [r.value or b"" for records in batch.values() for r in records]
    finally:
        await consumer.stop()


async def test_an_isolated_broker_keeps_its_records_across_a_restart_and_a_kill() -> None:
    # given a private broker with one record on a topic
    broker = isolated_kafka.start_isolated(f"t{uuid.uuid4().hex[:6]}")
    try:
        assert broker.bootstrap != kafka_local.BOOTSTRAP
        admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap)
        await admin.start()
        await admin.create_topics([NewTopic("t", num_partitions=1, replication_factor=1)])
        await admin.close()
        await _produce(broker.bootstrap, "t", b"before")
        # when it is restarted cleanly, then killed, and started again
        broker.stop()
        assert not broker.is_running()
        broker.start()
        await _produce(broker.bootstrap, "t", b"between")
        broker.kill()
        broker.start()
        # then every acknowledged record is still there
        assert await _values(broker.bootstrap, "t") == [b"before", b"between"]
    finally:
        broker.destroy()
    assert not broker.home.exists()


async def test_an_isolated_cluster_keeps_committed_rows_across_a_crash() -> None:
    # given a private cluster with a committed row
    server = isolated_postgres.start_isolated(f"t{uuid.uuid4().hex[:6]}")
    try:
        assert server.port != postgres_local.PORT
        conn = await asyncpg.connect(server.admin_url)
        await conn.execute("create table t (v text); insert into t values ('kept')")
        await conn.close()
        # when it crashes (immediate shutdown) and starts again
        server.kill()
        server.start()
        # then the committed row survived the WAL recovery
        conn = await asyncpg.connect(server.admin_url)
        assert await conn.fetchval("select v from t") == "kept"
        await conn.close()
    finally:
        server.destroy()
