"""A started Kafka producer, or none: one whose start fails or is cancelled is closed again."""

from __future__ import annotations

from typing import Any

from aiokafka import AIOKafkaProducer

from eventkit.security import client_options


async def started_producer(**config: Any) -> AIOKafkaProducer:
    """``AIOKafkaProducer(**config)``, started.

    A start that fails (the broker unreachable) or is cancelled (the service stopping while
    it connects) would otherwise leave a producer nobody holds and nobody stops; aiokafka
    reports each such one as "Unclosed AIOKafkaProducer" when it is collected, one more for
    each retry of a loop restarted after a crash.
    """
    producer = AIOKafkaProducer(**(client_options() | config))
    try:
        await producer.start()
    except BaseException:
        await producer.stop()
        raise
    return producer
