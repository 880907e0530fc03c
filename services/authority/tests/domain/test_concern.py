"""Concerns and use-of-force incidents: received, then acknowledged once."""

from dataclasses import replace
from uuid import UUID

from authority.domain.concern import (
    AcknowledgeConcern,
    ConcernAcknowledged,
    ConcernKind,
    ConcernReceived,
    ConcernState,
    RecordConcernReceived,
    Urgency,
    decide,
    evolve,
)
from authority.domain.errors import DomainError
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, SYSTEM

concern = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
receive = RecordConcernReceived(
    actor=SYSTEM,
    at=AT,
    concern_id=UUID(int=1),
    case_id=UUID(int=2),
    contract_id=UUID(int=3),
    kind=ConcernKind.USE_OF_FORCE,
    urgency=Urgency.HIGH,
    summary="Held back from running into the road",
)
received = ConcernReceived(
    actor=SYSTEM,
    at=AT,
    concern_id=receive.concern_id,
    case_id=receive.case_id,
    contract_id=receive.contract_id,
    kind=receive.kind,
    urgency=receive.urgency,
    summary=receive.summary,
)
acknowledge = AcknowledgeConcern(actor=CASEWORKER, at=AT)


def test_a_concern_is_received_with_a_summary() -> None:
    concern.given().when(receive).then(received)
    concern.given().when(replace(receive, summary="")).then_refused("summary_required")
    concern.given(received).when(receive).then_refused("concern_exists")


def test_a_caseworker_acknowledges_it_once() -> None:
    state = (
        concern.given(received).when(acknowledge).then(ConcernAcknowledged(actor=CASEWORKER, at=AT))
    )
    assert isinstance(state, ConcernState)
    assert state.acknowledged_by == CASEWORKER.user_id
    acked = ConcernAcknowledged(actor=CASEWORKER, at=AT)
    concern.given(received, acked).when(acknowledge).then_refused("concern_already_acknowledged")
    concern.given(received).when(replace(acknowledge, actor=FINANCE)).then_refused("forbidden_role")
    concern.given().when(acknowledge).then_refused("concern_not_found")
