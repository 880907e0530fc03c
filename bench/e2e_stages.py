"""Where an order's end-to-end time goes, from the rows each service wrote on its way.

Four stages, each from one timestamp to the next (all taken on this machine's clock):

1. *request*: ``POST /orders`` sent → the authority writes the outbox row (HTTP, auth, the
   case read, the decision, the append), still inside its transaction;
2. *relay*: outbox row → Kafka acknowledged it (the rest of that transaction and its
   commit, the NOTIFY that wakes the relay, its claim, the send, acks=all);
3. *delivery*: acknowledged → the provider records the event in its inbox (the broker, the
   consumer's fetch, decoding, the start of the provider's transaction);
4. *provider*: inbox row → the order is seen in the inbox table (the provider's handling
   and commit, plus up to one poll interval of the observer).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

import asyncpg

from bench.core import Figure, percentile
from bench.e2e_rig import Stack

STAGES = ("request", "relay", "delivery", "provider")

_OUTBOX = """
select message_id, value, extract(epoch from created_at) as written,
       extract(epoch from sent_at) as acknowledged
  from outbox where topic like '%.authority.orders.v1' and sent_at is not null
"""
_INBOX = "select event_id, extract(epoch from processed_at) as at from inbox"


@dataclass(frozen=True)
class Marks:
    """Wall-clock seconds (``time.time()``) at which one order passed each point."""

    placed: float
    written: float
    acknowledged: float
    received: float
    seen: float

    def stages(self) -> tuple[float, ...]:
        points = (self.placed, self.written, self.acknowledged, self.received, self.seen)
        return tuple(b - a for a, b in pairwise(points))


async def marks(
    stack: Stack, placed: Mapping[str, float], seen: Mapping[str, float]
) -> list[Marks]:
    """One ``Marks`` per order in both ``placed`` and ``seen`` (order id -> wall clock)."""
    authority = await asyncpg.connect(stack.databases["authority"].dsn)
    provider = await asyncpg.connect(stack.databases["provider"].dsn)
    try:
        sent = await authority.fetch(_OUTBOX)
        received = {str(r["event_id"]): float(r["at"]) for r in await provider.fetch(_INBOX)}
    finally:
        await authority.close()
        await provider.close()
    found = []
    for row in sent:
        order_id = str(json.loads(row["value"]).get("order_id"))
        event_id = str(row["message_id"])
        if order_id in placed and order_id in seen and event_id in received:
            found.append(
                Marks(
                    placed[order_id],
                    float(row["written"]),
                    float(row["acknowledged"]),
                    received[event_id],
                    seen[order_id],
                )
            )
    return found


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
