"""Where an order's end-to-end time goes, from the rows each service wrote on its way.

Four stages, each from one timestamp to the next (all taken on this machine's clock):

1. *request*: ``POST /orders`` sent → the authority writes the outbox row (HTTP, auth, the
   case read, the decision, the append), still inside its transaction;
2. *relay*: outbox row → the relay hands it to the Kafka producer (the record's CreateTime:
   the rest of that transaction and its commit, the NOTIFY that wakes the relay, its claim);
3. *delivery*: handed over → the provider records the event in its inbox (the produce
   request and acks=all, the consumer's fetch, decoding, the start of the provider's
   transaction);
4. *provider*: inbox row → the order is seen in the inbox table (the provider's handling
   and commit, plus up to one poll interval of the observer).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

import asyncpg
from aiokafka import AIOKafkaConsumer, TopicPartition

from bench.core import Figure, percentile
from bench.e2e_rig import Stack
from bench.infra import kafka

STAGES = ("request", "relay", "delivery", "provider")

_OUTBOX = """
select message_id, value, extract(epoch from created_at) as written
  from outbox where topic = $1 and sent_at is not null
"""
_INBOX = "select event_id, extract(epoch from processed_at) as at from inbox"


@dataclass(frozen=True)
class Marks:
    """Wall-clock seconds (``time.time()``) at which one order passed each point."""

    placed: float
    written: float
    handed: float
    received: float
    seen: float

    def stages(self) -> tuple[float, ...]:
        points = (self.placed, self.written, self.handed, self.received, self.seen)
        return tuple(b - a for a, b in pairwise(points))


async def marks(
    stack: Stack, placed: Mapping[str, float], seen: Mapping[str, float]
) -> list[Marks]:
    """One ``Marks`` per order in both ``placed`` and ``seen`` (order id -> wall clock)."""
    topic = f"{stack.topic_prefix}samspil.authority.orders.v1"
    handed = await _create_times(topic)
    authority = await asyncpg.connect(stack.databases["authority"].dsn)
    provider = await asyncpg.connect(stack.databases["provider"].dsn)
    try:
        sent = await authority.fetch(_OUTBOX, topic)
        received = {str(r["event_id"]): float(r["at"]) for r in await provider.fetch(_INBOX)}
    finally:
        await authority.close()
        await provider.close()
    found = []
    for row in sent:
        order_id = str(json.loads(row["value"]).get("order_id"))
        event_id = str(row["message_id"])
        if order_id in placed and order_id in seen and event_id in received and event_id in handed:
            written = float(row["written"])
            found.append(
                Marks(
                    placed[order_id], written, handed[event_id], received[event_id], seen[order_id]
                )
            )
    return found


async def _create_times(topic: str) -> dict[str, float]:
    """Event id -> the record's CreateTime (set by the producer as the relay sends it)."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=kafka(), auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    times: dict[str, float] = {}
    ends: dict[TopicPartition, int] = {}
    try:
        for _ in range(120):  # half-second fetches: a minute at most
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    ids = [v for k, v in r.headers if k == "ce_id"]
                    if ids:
                        times[ids[0].decode()] = r.timestamp / 1000
            parts = list(consumer.assignment())
            ends = ends or (await consumer.end_offsets(parts) if parts else {})
            if ends and not [p for p in parts if await consumer.position(p) < ends[p]]:
                break
        return times
    finally:
        await consumer.stop()


def figures(found: list[Marks], label: str) -> list[Figure]:
    """p50 and p99 of each stage, for information."""
    if not found:
        return []
    by_stage = list(zip(*(m.stages() for m in found), strict=True))
    out = []
    for name, samples in zip(STAGES, by_stage, strict=True):
        p50, p99 = (percentile(samples, p) * 1000 for p in (50, 99))
        out.append(Figure("e2e", f"{label} stage {name} p50", p50, "ms", note=f"p99 {p99:.1f} ms"))
    return out
