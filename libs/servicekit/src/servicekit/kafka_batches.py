"""A subscription's handler: one fetch through the pipeline, then each partition's offset.

Each partition is committed up to its first record that is not done; a partition with an
open record is rewound to it and paused for ``RetryPolicy.pause_seconds`` (the consumer's
other partitions go on), then read again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from itertools import chain
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from faststream.kafka.annotations import Consumer, KafkaMessage

from servicekit.inbound import InboundPipeline
from servicekit.inbound_parking import Outcome
from servicekit.inbound_records import inbound_from_record
from servicekit.metrics import CONSUMER_LAG, INBOUND_RECORDS

log = structlog.get_logger(__name__)
BATCH_RECORDS = 200  # at most this many records share a transaction


def record_lag(group_id: str, consumer: Any, record: Any) -> None:
    """Lag after ``record``: the partition's high-water mark minus the next offset to read.

    The consumer learns the high-water mark with every fetch, so this costs no request. It
    is refreshed on every delivery, retries included, so a consumer stuck on one record
    shows a growing lag.
    """
    mark = consumer.highwater(TopicPartition(record.topic, record.partition))
    if mark is not None:
        lag = max(0, int(mark) - record.offset - 1)
        CONSUMER_LAG.labels(group_id, record.topic, str(record.partition)).set(lag)


class Batches:
    """The handler of one subscription: a fetch through the pipeline, then the offsets."""

    def __init__(self, pipeline: InboundPipeline, group_id: str) -> None:
        self.pipeline, self.group_id = pipeline, group_id

    async def __call__(self, message: KafkaMessage, consumer: Consumer) -> None:
        more = await consumer.getmany(timeout_ms=0, max_records=BATCH_RECORDS - 1)
        records = [message.raw_message, *chain(*more.values())]
        live, outcomes = [], {}
        for n, record in enumerate(records):
            record_lag(self.group_id, consumer, record)
            if record.value is None:  # a tombstone deletes a key: no event to handle
                INBOUND_RECORDS.labels(self.pipeline.consumer, record.topic, "tombstone").inc()
                outcomes[n] = Outcome("tombstone")
            else:
                live.append(n)
        try:
            handled = await self.pipeline.handle([inbound_from_record(records[n]) for n in live])
        except Exception:
            # Not expected (the pipeline answers an outcome per record, failures included),
            # but the position has moved past the fetch: read all of it again, skip none.
            log.exception("inbound_batch_failed", group=self.group_id)
            handled = [Outcome("failed")] * len(live)
        outcomes |= dict(zip(live, handled, strict=True))
        await self.settle(consumer, records, [outcomes[n] for n in range(len(records))])

    async def settle(
        self, consumer: AIOKafkaConsumer, records: Sequence[Any], outcomes: Sequence[Outcome]
    ) -> None:
        """Commit each partition up to its first open record; rewind and rest the rest."""
        commit: dict[TopicPartition, int] = {}
        rewind: dict[TopicPartition, int] = {}
        for record, outcome in zip(records, outcomes, strict=True):
            tp = TopicPartition(record.topic, record.partition)
            if tp in rewind:
                continue
            if outcome.done:
                commit[tp] = record.offset + 1
            else:
                rewind[tp] = record.offset
        for tp, offset in rewind.items():
            self._rest(consumer, tp, offset)
        if commit:
            try:
                await consumer.commit(commit)
            except Exception:  # a rebalance or the broker: the records come again (inbox)
                log.warning("commit_failed", group=self.group_id, exc_info=True)

    def _rest(self, consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> None:
        """Read ``tp`` from ``offset`` again, after the pause; the other partitions go on."""
        try:
            consumer.seek(tp, offset)
            consumer.pause(tp)
        except Exception:  # no longer ours (rebalanced): its new owner reads it
            return
        pause = self.pipeline.retry.pause_seconds
        asyncio.get_running_loop().call_later(pause, _resume, consumer, tp)


def _resume(consumer: AIOKafkaConsumer, tp: TopicPartition) -> None:
    with contextlib.suppress(Exception):  # stopped or rebalanced meanwhile
        if tp in consumer.assignment():
            consumer.resume(tp)
