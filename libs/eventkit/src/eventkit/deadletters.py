"""Poison records go to a dead-letter topic with why and where they came from.

Which topic is the caller's convention (Samspil's is ``samspil_contracts.topics.dlq``):
eventkit moves bytes and knows no topic naming.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import AIOKafkaProducer

from eventkit._sql import utcnow
from eventkit.metrics import DEAD_LETTERS


@dataclass(frozen=True, slots=True)
class Inbound:
    """A consumed Kafka record, independent of the consumer library that read it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


class DeadLetters:
    """Forwards records unchanged, plus ``x-dlq-*`` headers; the producer is started by the
    caller (and should be idempotent with acks=all so a dead letter is never lost)."""

    def __init__(self, producer: AIOKafkaProducer) -> None:
        self._producer = producer

    async def send(self, inbound: Inbound, reason: str, *, topic: str) -> None:
        """Park ``inbound`` on ``topic`` (acknowledged by the broker on return)."""
        headers = [
            *inbound.headers,
            ("x-dlq-reason", reason.encode()),
            ("x-dlq-source-topic", inbound.topic.encode()),
            ("x-dlq-source-partition", str(inbound.partition).encode()),
            ("x-dlq-source-offset", str(inbound.offset).encode()),
            ("x-dlq-at", utcnow().isoformat().encode()),
        ]
        await self._producer.send_and_wait(
            topic, value=inbound.value, key=inbound.key, headers=headers
        )
        DEAD_LETTERS.labels(topic=inbound.topic).inc()
