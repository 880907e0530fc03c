"""A stream of poison records alongside the orders of a fault scenario: 1 per 100 orders.

Each poison is a genuine record spoilt in one of the ways ``tests.fuzz.records`` knows
(bytes, deep or huge JSON, bad or non-UTF-8 headers, unknown types and versions, over
1 MiB), sent to a topic the services consume. Afterwards each must be on its dead-letter
topic exactly once per consumer group of its topic: none lost, none parked twice, through
broker restarts, kill -9 and database restarts alike.
"""

from __future__ import annotations

import itertools
import math
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from samspil_contracts import OrderAccepted, OrderPlaced, dlq, encode, topics
from samspil_contracts.testing import example_event

from tests.fuzz.records import MARKER, SPOILERS, Record, spoilt
from tests.harness import wait_for
from tests.reliability.conftest import FaultStack
from tests.reliability.kafka_checks import header, produce_raw, records_to_end

RATE = 100  # orders per poison record
SOURCES = (OrderPlaced, OrderAccepted)  # the orders and the answers topic


@dataclass
class PoisonStream:
    stack: FaultStack
    sent: dict[str, Record] = field(default_factory=dict)  # marker -> poison
    orders: int = 0  # orders placed so far, that the poison keeps pace with
    _ways: itertools.cycle[str] = field(default_factory=lambda: itertools.cycle(sorted(SPOILERS)))
    _sources: itertools.cycle[type] = field(default_factory=lambda: itertools.cycle(SOURCES))

    def inject_for(self, orders: int) -> int:
        """Poison for ``orders`` more orders: one per RATE orders (the first with the first
        order); how many were sent now."""
        self.orders += orders
        count = math.ceil(self.orders / RATE) - len(self.sent)
        for _ in range(count):
            self._send(spoilt(self._genuine(next(self._sources)), next(self._ways), b"\x00\xff"))
        return count

    def _genuine(self, cls: type) -> Record:
        event = example_event(cls).model_copy(update={"order_id": uuid.uuid4()})
        wire = encode(
            event, subject=str(event.order_id), revision=1, correlation_id=uuid.uuid4(),
            producer="/samspil/poison", occurred_at=datetime.now(UTC),
        )  # fmt: skip
        topic = self.stack.topic_prefix + wire.topic
        return Record(topic, wire.key, wire.value, list(wire.headers))

    def _send(self, poison: Record) -> None:
        marker = uuid.uuid4().hex
        poison.headers = [*poison.headers, (MARKER, marker.encode())]
        records = [(poison.key, poison.value, poison.headers)]
        give_up = time.monotonic() + 120
        while True:  # the broker may be restarting: the record is sent once it is up
            try:
                produce_raw(self.stack.bootstrap, poison.topic, records, **poison.options)
                break
            except Exception:
                if time.monotonic() > give_up:
                    raise
                time.sleep(1)
        self.sent[marker] = poison

    def assert_each_dead_lettered_once(self, timeout: float = 120.0) -> dict[str, int]:
        """Every poison on its DLQ once per consumer group of its topic; the figures."""

        def parked() -> Counter[str] | None:
            found: Counter[str] = Counter()
            for topic in {p.topic for p in self.sent.values()}:
                for record in records_to_end(self.stack.bootstrap, dlq(topic)):
                    marker = header(record, MARKER)
                    if marker in self.sent and header(record, "x-dlq-reason"):
                        found[marker] += 1
            done = all(found[m] >= _groups(p.topic, self.stack) for m, p in self.sent.items())
            return found if done else None

        found = wait_for(parked, timeout=timeout, what="every poison record dead-lettered")
        twice = {p.poison: found[m] for m, p in self.sent.items()
                 if found[m] != _groups(p.topic, self.stack)}  # fmt: skip
        assert not twice, f"poison dead-lettered more than once per group: {twice}"
        return {"poison": len(self.sent), "dead_letters": sum(found.values())}


def _groups(topic: str, stack: FaultStack) -> int:
    """How many consumer groups read ``topic`` (each parks its own copy)."""
    return len(topics.spec(topic.removeprefix(stack.topic_prefix)).consumers)
