"""FastStream subscribers that feed an :class:`InboundPipeline`.

Offsets are committed only after the pipeline returns (``NACK_ON_ERROR``): a crash or a
database outage mid-handling means Kafka hands the record over again, and the inbox makes
that second delivery harmless.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import structlog
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage

from servicekit.inbound import InboundPipeline, inbound_from_record

log = structlog.get_logger(__name__)
RETRY_PAUSE_SECONDS = 1.0


def subscribe(
    broker: KafkaBroker, topics: Sequence[str], group_id: str, pipeline: InboundPipeline
) -> None:
    async def consume(message: KafkaMessage) -> None:
        try:
            await pipeline(inbound_from_record(message.raw_message))
        except Exception:
            # Transient (database down, broker hiccup): back off, then let Kafka redeliver.
            log.exception("inbound_failed", group=group_id)
            await asyncio.sleep(RETRY_PAUSE_SECONDS)
            raise

    broker.subscriber(
        *topics,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        title=f"{group_id}:{','.join(topics)}",
    )(consume)
