"""The dead-letter CLI against the real broker: list why, replay once to the source."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid

import pytest
from aiokafka import AIOKafkaProducer
from eventkit import Inbound, TopicSpec, ensure_topics
from eventkit import dead_letter as letter_of
from samspil_contracts.topics import dlq as dlq_of
from servicekit import dlq

from tests.kafka_tools import read_raw

pytestmark = pytest.mark.integration


@pytest.fixture
async def source_topic(kafka_bootstrap: str) -> str:
    topic = f"dlqtest{uuid.uuid4().hex[:8]}.samspil.provider.answers.v1"
    await ensure_topics(kafka_bootstrap, [TopicSpec(topic, 2, 1), TopicSpec(dlq_of(topic), 1, 1)])
    return topic


async def dead_letter(bootstrap: str, topic: str, offset: int, reason: str) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        poison = Inbound(topic, 1, offset, b"order-1", b'{"v": 1}', (("ce_type", b"dk.x.y"),))
        letter = letter_of(poison, reason, topic=dlq_of(topic))
        await producer.send_and_wait(
            letter.topic, letter.value, key=letter.key, headers=list(letter.headers)
        )
    finally:
        await producer.stop()


async def test_dead_letters_are_listed_with_their_reason_and_origin(
    kafka_bootstrap: str, source_topic: str
) -> None:
    # Given a record the consumer could not decode
    await dead_letter(kafka_bootstrap, source_topic, 41, "unknown event type dk.x.y")
    # When ops list the topic's dead letters (by the source topic's name)
    (letter,) = await dlq.list_dead_letters(kafka_bootstrap, source_topic)
    # Then they see why and where from, without the payload
    assert letter.reason == "unknown event type dk.x.y"
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == (
        source_topic, "1", "41",
    )  # fmt: skip
    assert letter.event_type == "dk.x.y"
    assert letter.size == len(b'{"v": 1}')
    # And the command line prints the same, one JSON line per dead letter
    cli = [sys.executable, "-m", "servicekit.dlq", "list", "--topic", source_topic]
    run = await asyncio.to_thread(
        subprocess.run,
        [*cli, "--bootstrap", kafka_bootstrap],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = run.stdout.splitlines()
    assert json.loads(line)["reason"] == "unknown event type dk.x.y"


async def test_replay_republishes_to_the_source_once(
    kafka_bootstrap: str, source_topic: str
) -> None:
    # Given two dead letters
    await dead_letter(kafka_bootstrap, source_topic, 7, "bad payload")
    await dead_letter(kafka_bootstrap, source_topic, 8, "bad payload")
    # When ops replay them after the fix, twice by mistake
    first = await dlq.replay(kafka_bootstrap, dlq_of(source_topic))
    again = await dlq.replay(kafka_bootstrap, source_topic)
    assert [letter.source_offset for letter in first] == ["7", "8"]
    # Then the source topic has each record once, as it was, without the dlq headers
    assert again == []
    replayed = await read_raw(kafka_bootstrap, source_topic, seconds=3)
    assert len(replayed) == 2
    for record in replayed:
        headers = dict(record.headers)  # type: ignore[attr-defined]
        assert headers == {"ce_type": b"dk.x.y"}
        assert record.value == b'{"v": 1}'  # type: ignore[attr-defined]
