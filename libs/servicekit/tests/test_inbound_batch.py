"""The records of one fetch share a transaction, with each record's inbox and dead letter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from eventkit import EventStore, Inbound, UnitOfWork
from samspil_contracts import Envelope, OrderAccepted
from servicekit import db
from servicekit.inbound import InboundPipeline

from .records import record


class KeptDeadLetters:
    def __init__(self) -> None:
        self.sent: list[int] = []

    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        self.sent.append(inbound.offset)


@pytest.fixture
async def store(tmp_path: Path) -> EventStore:
    store = EventStore(db.engine_for(f"sqlite+aiosqlite:///{tmp_path}/batch.db"))
    await store.create_schema()
    return store


async def test_a_batch_dedupes_and_dead_letters_record_by_record(store: EventStore) -> None:
    handled: list[int] = []

    async def handler(_: UnitOfWork, envelope: Envelope, __: Any) -> None:
        handled.append(envelope.revision)

    dead = KeptDeadLetters()
    pipeline = InboundPipeline("batch", store, dead, {OrderAccepted: handler})
    a = record(0, 1)
    poison = replace(record(0, 3), value=b"{not json")
    # When one fetch holds a record, its redelivery, a poison record and another record
    outcomes = await pipeline.handle([a, replace(a, offset=2), poison, record(0, 4)])
    # Then each is handled once, the copy is a duplicate and the poison a dead letter
    assert [o.status for o in outcomes] == ["handled", "duplicate", "dead_lettered", "handled"]
    assert len(handled) == 2
    assert dead.sent == [3]


async def test_a_failing_record_stops_its_partition_only_and_the_rest_commits(
    store: EventStore,
) -> None:
    bad = record(0, 2)
    bad_id = dict(bad.headers)["ce_id"]

    async def handler(_: UnitOfWork, envelope: Envelope, __: Any) -> None:
        if str(envelope.event_id).encode() == bad_id:
            raise ConnectionResetError("database hiccup")

    dead = KeptDeadLetters()
    pipeline = InboundPipeline("batch", store, dead, {OrderAccepted: handler})
    before, after, other = record(0, 1), record(0, 4), record(1, 7)
    poison = replace(record(1, 6), value=b"{not json")
    # When a fetch from two partitions holds a record whose handler fails
    outcomes = await pipeline.handle([before, bad, poison, after, other])
    # Then the failing record and the one after it on its partition are open (read again),
    # the other partition's records and the one before it are done
    assert [o.status for o in outcomes] == [
        "handled", "failed", "dead_lettered", "waiting", "handled",
    ]  # fmt: skip
    # and (redelivered) the records committed before are duplicates, the one after is new
    redelivered = await pipeline.handle([before, other, after])
    assert [o.status for o in redelivered] == ["duplicate", "duplicate", "handled"]
    # and the poison was dead-lettered once
    assert dead.sent == [6]
