"""The broker devstack starts is a real, working Kafka."""

from __future__ import annotations

import asyncio
import time
import uuid

import devstack
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import UnknownTopicOrPartitionError
from devstack import kafka_local

pytestmark = pytest.mark.integration


async def test_a_message_produced_is_consumed_through_the_broker(kafka_bootstrap: str) -> None:
    # given a freshly created topic (the broker does not auto-create topics)
    topic = f"devstack-test-{uuid.uuid4().hex}"
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()

    # when a message is produced with the settings the services use
    producer = AIOKafkaProducer(
        bootstrap_servers=kafka_bootstrap, enable_idempotence=True, acks="all"
    )
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"hello", key=b"case-1", headers=[("h", b"v")])
    finally:
        await producer.stop()

    # then a consumer group reads exactly that message back
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=f"g-{topic}",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        message = await asyncio.wait_for(consumer.getone(), timeout=30)
    finally:
        await consumer.stop()
    assert (message.key, message.value, message.headers) == (b"case-1", b"hello", (("h", b"v"),))


async def test_topics_are_not_created_implicitly(kafka_bootstrap: str) -> None:
    # given a topic nobody created
    topic = f"devstack-missing-{uuid.uuid4().hex}"
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, request_timeout_ms=3000)
    await producer.start()
    try:
        # when a producer asks for it, then the broker refuses instead of inventing it
        with pytest.raises(UnknownTopicOrPartitionError):
            await producer.send_and_wait(topic, b"lost")
    finally:
        await producer.stop()


def test_ensuring_kafka_again_is_fast_and_returns_the_same_servers(kafka_bootstrap: str) -> None:
    # given a running broker (the fixture started it if needed)
    # when it is ensured again
    started = time.monotonic()
    again = devstack.ensure_kafka()

    # then nothing is restarted: same address, answered in well under a start-up time
    assert again == kafka_bootstrap
    assert time.monotonic() - started < 3


def test_a_cluster_id_never_reads_as_an_option() -> None:
    # Given ids are base64url of random uuids, and one in 64 of those begins with '-'
    # When many are made, then none begins with '-' and each is a 22-character id
    ids = [kafka_local.cluster_id() for _ in range(2000)]
    assert not any(i.startswith("-") for i in ids)
    assert {len(i) for i in ids} == {22}
