"""Poison records go to a dead-letter topic with why and where they came from.

A dead letter is an outbox message: it is enqueued in the same transaction that records
(in the inbox) that the record was given up, so a consumer that crashes before committing
its offset parks the record once, not once per delivery. Which topic is the caller's
convention (Samspil's is ``samspil_contracts.topics.dlq``): eventkit knows no naming.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID, uuid5

from eventkit._sql import utcnow
from eventkit.model import OutboxMessage

_PARKED = UUID("6b0a3f4e-6f1c-5d0e-9a43-0c1f3b7a2d58")  # namespace of dead-letter ids
# The headers a dead letter carries beside the record's own (written here, read by the DLQ tool).
HEADER_PREFIX = "x-dlq-"
REASON = "x-dlq-reason"
SOURCE_TOPIC = "x-dlq-source-topic"
SOURCE_PARTITION = "x-dlq-source-partition"
SOURCE_OFFSET = "x-dlq-source-offset"
AT = "x-dlq-at"


@dataclass(frozen=True, slots=True)
class Inbound:
    """A consumed Kafka record, independent of the consumer library that read it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()


def parked_id(inbound: Inbound) -> UUID:
    """The same for every delivery of one record (its place and its bytes), so it serves
    as the dead letter's inbox id and message id."""
    digest = hashlib.sha256(inbound.value).hexdigest()
    return uuid5(_PARKED, f"{inbound.topic}|{inbound.partition}|{inbound.offset}|{digest}")


def dead_letter(inbound: Inbound, reason: str, *, topic: str) -> OutboxMessage:
    """``inbound`` unchanged for ``topic``, plus ``x-dlq-*`` headers: why, where from, when."""
    headers = (
        *inbound.headers,
        (REASON, reason.encode()),
        (SOURCE_TOPIC, inbound.topic.encode()),
        (SOURCE_PARTITION, str(inbound.partition).encode()),
        (SOURCE_OFFSET, str(inbound.offset).encode()),
        (AT, utcnow().isoformat().encode()),
    )
    return OutboxMessage(topic, inbound.key or b"", inbound.value, headers, parked_id(inbound))
