"""Barnets lov § 95 on the in-memory store: a measure in force while its investigation runs
gets its first follow-up at the conclusion, if that comes before the 3 months."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

from samspil_contracts import (
    ContractInForce,
    Envelope,
    IntegrationEvent,
    InvestigationConcluded,
    decode,
    encode,
)
from samspil_contracts.testing import example_event
from scheduler.app.queries import PhaseFilter

from .memory import Scheduler

START = date(2027, 3, 24)  # 3 months: Thursday 24 June 2027


def envelope(event: IntegrationEvent, at: datetime) -> Envelope:
    wire = encode(
        event, subject=event.partition_key(), revision=1, correlation_id=uuid4(),
        producer="/samspil/authority", occurred_at=at,
    )  # fmt: skip
    found, _ = decode(wire.headers, wire.value)
    return found


async def first_follow_up(scheduler: Scheduler, contract: ContractInForce) -> date:
    rows = await scheduler.index.phases(PhaseFilter(contract_id=contract.contract_id), 50)
    return min(r.due_at.date() for r in rows if r.kind == "follow_up_due" and r.phase == "due")


async def test_barnets_lov_95_the_conclusion_brings_the_first_follow_up_forward() -> None:
    # Given two contracts in force on a case whose investigation still runs, one elsewhere
    scheduler, case_id = Scheduler(), uuid4()
    terms = {"case_id": case_id, "start": START, "expected_end": None}
    base = example_event(ContractInForce).model_copy(update=terms)
    ours = [base.model_copy(update={"contract_id": uuid4()}) for _ in range(2)]
    other = ours[0].model_copy(update={"contract_id": uuid4(), "case_id": uuid4()})
    for contract in [*ours, other]:
        await scheduler.consume(envelope(contract, datetime(2027, 3, 24, 12, tzinfo=UTC)), contract)
    # When the case's investigation concludes on Tuesday 4 May 2027
    concluded = example_event(InvestigationConcluded).model_copy(
        update={"case_id": case_id, "concluded_on": date(2027, 5, 4)}
    )
    await scheduler.consume(envelope(concluded, datetime(2027, 5, 4, 12, tzinfo=UTC)), concluded)
    # Then the case's contracts have their first follow-up that day; the other keeps 3 months
    assert [await first_follow_up(scheduler, c) for c in ours] == [date(2027, 5, 4)] * 2
    assert await first_follow_up(scheduler, other) == date(2027, 6, 24)
