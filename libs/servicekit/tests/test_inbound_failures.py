"""What the pipeline does with records that fail: retry the transient, give up the rest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from eventkit import EventStore, Inbound, UnitOfWork
from samspil_contracts import Envelope, OrderAccepted
from servicekit import db
from servicekit.inbound import InboundPipeline
from servicekit.retries import RetryPolicy, failure_reason
from sqlalchemy.exc import OperationalError

from .records import record

POLICY = RetryPolicy(max_attempts=3, pause_seconds=0.01)


class KeptDeadLetters:
    def __init__(self, *, down: bool = False) -> None:
        self.sent: list[tuple[int, str]] = []
        self.down = down

    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        if self.down:
            raise ConnectionRefusedError("database down")
        self.sent.append((inbound.offset, reason))


class Refusal(Exception):
    """Looks like a service's DomainError: a stable code and a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def failing(bad: Inbound, error: Exception, handled: list[int] | None = None) -> Any:
    bad_id = dict(bad.headers)["ce_id"]

    async def handler(_: UnitOfWork, envelope: Envelope, __: Any) -> None:
        if str(envelope.event_id).encode() == bad_id:
            raise error
        if handled is not None:
            handled.append(envelope.revision)

    return handler


@pytest.fixture
async def store(tmp_path: Path) -> EventStore:
    store = EventStore(db.engine_for(f"sqlite+aiosqlite:///{tmp_path}/failures.db"))
    await store.create_schema()
    return store


async def test_a_record_failing_the_same_way_each_time_is_dead_lettered_and_its_partition_moves_on(
    store: EventStore,
) -> None:
    # Given a record whose handler overflows every time, and one behind it on its partition
    bad, behind = record(0, 1), record(0, 2)
    dead = KeptDeadLetters()
    handler = failing(bad, OverflowError("date value out of range"))
    pipeline = InboundPipeline("g", store, dead, {OrderAccepted: handler}, retry=POLICY)
    # When they are delivered again after each failure
    rounds = [[o.status for o in await pipeline.handle([bad, behind])] for _ in range(3)]
    # Then the first deliveries fail (the one behind waits), the third gives the record up
    assert rounds == [["failed", "waiting"], ["failed", "waiting"], ["dead_lettered", "handled"]]
    assert dead.sent == [(1, "handler failed 3 times: OverflowError")]


async def test_a_transient_failure_is_retried_however_often_and_never_dead_lettered(
    store: EventStore,
) -> None:
    # Given a handler whose database is down
    bad = record(0, 1)
    down = OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))
    dead = KeptDeadLetters()
    pipeline = InboundPipeline("g", store, dead, {OrderAccepted: failing(bad, down)}, retry=POLICY)
    # When it fails far more often than the attempts a poison record gets
    statuses = {(await pipeline(bad)).status for _ in range(3 * POLICY.max_attempts)}
    # Then it is only ever to be read again
    assert statuses == {"failed"}
    assert dead.sent == []


async def test_whatever_a_decoder_raises_is_a_dead_letter_at_once(store: EventStore) -> None:
    # Given a decoder that gives up with something other than UndecodableEvent
    def too_deep(_: Inbound) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    dead = KeptDeadLetters()
    pipeline = InboundPipeline("g", store, dead, {}, decoder=too_deep, retry=POLICY)
    # When a record comes, then it is dead-lettered the first time, with the error's type
    assert (await pipeline(record(0, 5))).status == "dead_lettered"
    assert dead.sent == [(5, "undecodable: RecursionError")]


async def test_a_poison_record_behind_an_open_one_is_dead_lettered_once_on_redelivery(
    store: EventStore,
) -> None:
    # Given a record that fails for now, a poison record behind it, on one partition
    bad, poison = record(0, 1), replace(record(0, 2), value=b"{not json")
    dead = KeptDeadLetters()
    hiccup = failing(bad, ConnectionResetError("hiccup"))
    pipeline = InboundPipeline("g", store, dead, {OrderAccepted: hiccup}, retry=POLICY)
    # When the fetch is handled, then the poison waits: it is read again with the other
    first = [o.status for o in await pipeline.handle([bad, poison])]
    assert first == ["failed", "waiting"]
    assert dead.sent == []
    # And once the first is handled on redelivery, the poison is dead-lettered, once
    pipeline.handlers = {OrderAccepted: failing(record(9, 9), ValueError())}
    second = [o.status for o in await pipeline.handle([bad, poison])]
    assert second == ["handled", "dead_lettered"]
    assert [offset for offset, _ in dead.sent] == [2]


async def test_a_dead_letter_that_cannot_be_sent_keeps_its_partition_open(
    store: EventStore,
) -> None:
    # Given the database down for dead letters, a poison record and a good one behind it
    poison, good = replace(record(0, 1), value=b"\\xff"), record(0, 2)
    pipeline = InboundPipeline("g", store, KeptDeadLetters(down=True), {}, retry=POLICY)
    # When they are handled, then neither is done: the commit stops before the poison
    outcomes = await pipeline.handle([poison, good])
    assert [o.done for o in outcomes] == [False, True]
    assert outcomes[0].status == "failed"


def test_the_reason_names_the_failure_but_no_personal_data() -> None:
    refusal = Refusal("child_unknown", "no child 010101-1234 in this case")
    quoting = KeyError("Jens Jensen 0101011234")
    said = failure_reason(refusal, 3)
    assert said.startswith("handler failed 3 times: ")
    assert said.endswith(".Refusal child_unknown: no child [cpr] in this case")
    assert failure_reason(quoting, 3) == "handler failed 3 times: KeyError"


async def test_a_poison_record_delivered_again_after_a_crash_is_parked_once(
    store: EventStore,
) -> None:
    # Given a poison record dead-lettered, whose offset was never committed (a crash)
    poison = replace(record(0, 7), value=b"{not json")
    dead = KeptDeadLetters()
    pipeline = InboundPipeline("g", store, dead, {}, retry=POLICY)
    assert (await pipeline(poison)).status == "dead_lettered"
    # When it is delivered again, to a restarted consumer
    restarted = InboundPipeline("g", store, dead, {}, retry=POLICY)
    again = await restarted(poison)
    # Then it is done (its offset can be committed) but not parked a second time
    assert again.status == "dead_lettered"
    assert [offset for offset, _ in dead.sent] == [7]
