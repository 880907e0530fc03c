"""One fuzz example against a running service: produce, wait until consumed, then check.

The checks: every valid record was applied exactly once (its inbox row, written in the
same transaction as its effect, exists; a second effect would have met it), none of
them is on a dead-letter topic; every bad record is on its dead-letter topic exactly once,
with a reason; and every partition was committed to its end within the retry budget.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from devstack._proc import run_sync
from samspil_contracts import dlq

from tests.fuzz.records import MARKER, Record
from tests.harness import ServiceProcess
from tests.reliability.kafka_checks import header, records_to_end, wait_consumed

SETTLE_SECONDS = 30.0  # beyond the retry budget of the records that need retries


@dataclass
class Target:
    """A consuming service under fuzz: its process, consumer group, inbox and topics."""

    process: ServiceProcess
    bootstrap: str
    group: str  # the consumer group (with the topic prefix)
    inbox: str  # the pipeline's consumer name in the inbox table
    database_url: str  # plain postgresql:// for the checks
    retry_budget: float  # seconds one poison record may hold its partition

    def query(self, sql: str, *args: object) -> list[Any]:
        async def run() -> list[Any]:
            conn = await asyncpg.connect(self.database_url, timeout=10)
            try:
                return list(await conn.fetch(sql, *args))
            finally:
                await conn.close()

        return run_sync(run)


def produce(target: Target, records: Sequence[Record]) -> None:
    """Each record as it is, plus its fuzz id header, in the given order per topic."""
    for record in records:
        record.fuzz_id = uuid.uuid4().hex
        record.headers = [*record.headers, (MARKER, record.fuzz_id.encode())]

    async def send() -> None:
        by_options: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            by_options[repr(sorted(record.options.items()))].append(record)
        for group in by_options.values():
            options = group[0].options
            producer = AIOKafkaProducer(bootstrap_servers=target.bootstrap, acks="all", **options)
            await producer.start()
            try:
                sent = [
                    await producer.send(r.topic, r.value, key=r.key, headers=r.headers)
                    for r in group
                ]
                await asyncio.gather(*sent)
            finally:
                await producer.stop()

    run_sync(send)


def check(target: Target, records: Sequence[Record], settle: float = SETTLE_SECONDS) -> None:
    topics = sorted({r.topic for r in records})
    handler_poison = sum(1 for r in records if r.poison and r.poison.startswith("handler"))
    budget = settle + target.retry_budget * handler_poison
    # every partition is committed to its end: nothing stalls past the budget
    for topic in topics:
        wait_consumed(target.bootstrap, topic, [target.group], timeout=budget)
    valid = [r for r in records if r.poison is None]
    bad = [r for r in records if r.poison is not None]
    # dead letters leave through the service's outbox: they follow the commit shortly
    letters = _dead_letters(target, topics, {r.fuzz_id for r in records})
    deadline = time.monotonic() + settle
    while {r.fuzz_id for r in bad} - {f for f, _ in letters} and time.monotonic() < deadline:
        time.sleep(0.5)
        letters = _dead_letters(target, topics, {r.fuzz_id for r in records})
    on_dlq = Counter(fuzz_id for fuzz_id, _ in letters)
    assert not [r.fuzz_id for r in valid if on_dlq[r.fuzz_id]], "a valid record was dead-lettered"
    wrong = {r.poison: on_dlq[r.fuzz_id] for r in bad if on_dlq[r.fuzz_id] != 1}
    assert not wrong, f"bad records not on the DLQ exactly once: {wrong}"
    assert all(reason for _, reason in letters), "a dead letter without a reason"
    ids = [uuid.UUID(r.event_id) for r in valid if r.event_id]
    rows = target.query(
        "select event_id from inbox where consumer = $1 and event_id = any($2::uuid[])",
        target.inbox,
        ids,
    )
    missing = set(ids) - {row["event_id"] for row in rows}
    assert not missing, f"valid records not applied: {len(missing)} of {len(ids)}"


def _dead_letters(target: Target, topics: list[str], ours: set[str]) -> list[tuple[str, str]]:
    """(fuzz id, reason) of every dead letter of ours on the topics' dead-letter topics."""
    found = []
    for topic in topics:
        for record in records_to_end(target.bootstrap, dlq(topic)):
            fuzz_id = header(record, MARKER)
            if fuzz_id in ours:
                found.append((fuzz_id, header(record, "x-dlq-reason") or ""))
    return found
