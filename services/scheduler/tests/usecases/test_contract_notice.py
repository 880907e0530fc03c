"""Issue 19: a contract under notice ends when its last day has passed. The scheduler fires
`contract_ends` at midnight after it and then closes the contract's deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from samspil_contracts import (
    ContractInForce,
    ContractTerminated,
    DeadlineKind,
    DeadlineReached,
    Envelope,
    IntegrationEvent,
    Party,
    TerminationReason,
    decode,
    encode,
)
from samspil_contracts.testing import example_event
from scheduler.app.queries import PhaseFilter
from testkit import published

from .memory import Scheduler

AT = datetime(2027, 3, 1, 10, tzinfo=UTC)


def envelope(event: IntegrationEvent, at: datetime) -> Envelope:
    wire = encode(
        event, subject=event.partition_key(), revision=1, correlation_id=uuid4(),
        producer="/samspil/authority", occurred_at=at,
    )  # fmt: skip
    found, _ = decode(wire.headers, wire.value)
    return found


async def test_the_contract_ends_after_its_last_day_and_its_deadlines_close() -> None:
    # Given a contract in force from 1 March 2027 for a year
    scheduler = Scheduler()
    contract_id = uuid4()
    in_force = example_event(ContractInForce).model_copy(
        update={"contract_id": contract_id, "start": date(2027, 3, 1), "expected_end": None}
    )
    await scheduler.consume(envelope(in_force, AT), in_force)
    # When notice is given on 1 March with 31 March as the last day
    notice = ContractTerminated(
        contract_id=contract_id,
        provider_id=in_force.provider_id,
        order_id=in_force.order_id,
        given_by=Party.AUTHORITY,
        reason_code=TerminationReason.GOALS_MET,
        notice_given_on=date(2027, 3, 1),
        last_day=date(2027, 3, 31),
    )
    await scheduler.consume(envelope(notice, AT), notice)
    rows = await scheduler.index.phases(PhaseFilter(contract_id=contract_id, status=None), 20)
    assert "contract_ends" in {str(r.kind) for r in rows}
    # Then nothing ends on the last day itself
    scheduler.clock.advance(datetime(2027, 3, 31, 21, tzinfo=UTC) - scheduler.clock.now())
    await scheduler.firing.fire_due()
    assert not [e for _, e in published(scheduler.store, DeadlineReached)]
    # When the clock passes midnight after it (Copenhagen) and firing runs
    scheduler.clock.advance(timedelta(hours=2))
    await scheduler.firing.fire_due()
    # Then contract_ends is published with the contract's ids
    [reached] = [e for _, e in published(scheduler.store, DeadlineReached)]
    assert reached.kind is DeadlineKind.CONTRACT_ENDS
    assert (reached.contract_id, reached.provider_id) == (contract_id, in_force.provider_id)
    # And nothing of the contract is left to fire (not even the end's overdue phase)
    after = await scheduler.index.phases(PhaseFilter(contract_id=contract_id, status="pending"), 20)
    assert after == []
