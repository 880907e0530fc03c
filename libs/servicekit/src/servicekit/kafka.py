"""FastStream subscribers that feed an :class:`InboundPipeline`.

Each call gets what one fetch returned (up to ``BATCH_RECORDS``, in offset order per
partition) and hands it to the pipeline as one batch. Offsets are committed only after the
pipeline returns (``NACK_ON_ERROR``): a crash or a database outage mid-handling means Kafka
hands the records over again, and the inbox makes that second delivery harmless.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from itertools import chain
from typing import Any

import structlog
from aiokafka import TopicPartition
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.kafka.subscriber.usecase import BatchSubscriber

from servicekit.inbound import InboundPipeline
from servicekit.inbound_records import inbound_from_record
from servicekit.metrics import CONSUMER_LAG, INBOUND_RECORDS

log = structlog.get_logger(__name__)
RETRY_PAUSE_SECONDS = 1.0
BATCH_RECORDS = 200  # at most this many records share a transaction
FETCH_WAIT_MS = 500  # how long one empty fetch waits before the loop checks for a stop
_nap, _now = asyncio.sleep, time.monotonic  # (seams for the unit test)


class PromptBatchSubscriber(BatchSubscriber):
    """FastStream's batch subscriber, minus its nap after an empty fetch.

    FastStream sleeps ``batch_timeout_ms`` more after ``getmany`` came back empty, so a
    record arriving on an idle topic waited up to that long before anyone fetched it: the
    provider's inbox lagged the relay by 5 ms at p50 but 110 ms at p99 at 20 orders/s.
    ``getmany`` already waits for the first record (and returns as soon as there is one),
    so this only sleeps what is left of the timeout when it came back early and empty
    (no partitions assigned yet), which keeps the loop from spinning.
    """

    __slots__ = ()

    async def get_msg(self, consumer: Any) -> tuple[Any, ...]:
        began = _now()
        fetched = await consumer.getmany(
            timeout_ms=self.batch_timeout_ms, max_records=self.max_records
        )
        if fetched:
            return tuple(chain(*fetched.values()))
        left = self.batch_timeout_ms / 1000 - (_now() - began)
        if left > 0:
            await _nap(left)
        return ()


def record_lag(group_id: str, consumer: Any, record: Any) -> None:
    """Lag after ``record``: the partition's high-water mark minus the next offset to read.

    The consumer learns the high-water mark with every fetch, so this costs no request. It
    is refreshed on every delivery, retries included, so a consumer stuck on one record
    shows a growing lag.
    """
    highwater = getattr(consumer, "highwater", None)
    if highwater is None:
        return
    mark = highwater(TopicPartition(record.topic, record.partition))
    if mark is not None:
        lag = max(0, int(mark) - record.offset - 1)
        CONSUMER_LAG.labels(group_id, record.topic, str(record.partition)).set(lag)


async def raw_body(message: Any) -> bytes:
    """Hand the pipeline the bytes as they came: decoding (and refusing) is its job, so a
    record that is not JSON goes to the dead letters instead of failing in the framework."""
    body: bytes = message.body
    return body


def subscribe(
    broker: KafkaBroker, topics: Sequence[str], group_id: str, pipeline: InboundPipeline
) -> None:
    async def consume(message: KafkaMessage) -> None:
        fetched = message.raw_message
        records = fetched if isinstance(fetched, tuple) else (fetched,)
        consumer = getattr(message, "consumer", None)
        live = []
        for record in records:
            record_lag(group_id, consumer, record)
            if getattr(record, "value", b"") is None:
                # A tombstone on a compacted topic deletes a key; it is no event to handle.
                topic = getattr(record, "topic", "?")
                INBOUND_RECORDS.labels(pipeline.consumer, topic, "tombstone").inc()
            else:
                live.append(inbound_from_record(record))
        if not live:
            return
        try:
            await pipeline.handle(live)
        except Exception:
            # Transient (database down, broker hiccup): back off, then let Kafka redeliver
            # (FastStream rewinds every partition of the batch to its first record).
            for record in live:
                INBOUND_RECORDS.labels(pipeline.consumer, record.topic, "failed").inc()
            log.exception("inbound_failed", group=group_id)
            await asyncio.sleep(RETRY_PAUSE_SECONDS)
            raise

    subscriber = broker.subscriber(
        *topics,
        group_id=group_id,
        auto_offset_reset="earliest",
        ack_policy=AckPolicy.NACK_ON_ERROR,
        decoder=raw_body,
        batch=True,  # what one fetch returned: one transaction, one offset commit
        max_records=BATCH_RECORDS,
        batch_timeout_ms=FETCH_WAIT_MS,
        title=f"{group_id}:{','.join(topics)}",
    )
    if type(subscriber) is BatchSubscriber:  # the factory picks the class; swap in ours
        subscriber.__class__ = PromptBatchSubscriber
    subscriber(consume)
