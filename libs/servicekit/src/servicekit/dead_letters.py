"""Where the pipelines park what they cannot apply: the record's dead-letter topic.

A poison record must never hold its partition because it cannot be parked, so a record
too big to publish again (it may have arrived compressed, or carry huge headers or key) is
cut down to what fits, with its original size in the reason.
"""

from __future__ import annotations

from dataclasses import replace

from eventkit import Inbound, UnitOfWork, dead_letter
from eventkit.metrics import DEAD_LETTERS
from samspil_contracts.topics import dlq

# The whole record (key, value, headers) stays under the broker's and producer's 1 MiB.
MAX_RECORD_BYTES = 900_000
KEPT_VALUE_BYTES = 64 * 1024
KEPT_BYTES = 1024  # of the key, of each header, of the reason
KEPT_HEADERS = 64


def record_bytes(inbound: Inbound) -> int:
    headers = sum(len(name.encode()) + len(value) for name, value in inbound.headers)
    return len(inbound.key or b"") + len(inbound.value) + headers


def fitted(inbound: Inbound, reason: str) -> tuple[Inbound, str]:
    """``inbound`` as it can be dead-lettered, and the reason (saying if it was cut)."""
    size = record_bytes(inbound)
    if size > MAX_RECORD_BYTES:
        reason = f"{reason}; record cut from {size} bytes"
        inbound = replace(
            inbound,
            key=None if inbound.key is None else inbound.key[:KEPT_BYTES],
            value=inbound.value[:KEPT_VALUE_BYTES],
            headers=tuple(
                (name[:KEPT_BYTES], value[:KEPT_BYTES])
                for name, value in inbound.headers[:KEPT_HEADERS]
            ),
        )
    return inbound, reason[:KEPT_BYTES]


class OutboxDeadLetters:
    """The pipelines' sink: a dead letter leaves through the service's outbox, in the
    transaction that marks the record as given up (see ``InboundPipeline``)."""

    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        inbound, reason = fitted(inbound, reason)
        await uow.enqueue([dead_letter(inbound, reason, topic=dlq(inbound.topic))])
        DEAD_LETTERS.labels(topic=inbound.topic).inc()
