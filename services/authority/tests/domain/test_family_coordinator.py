"""The family coordinator (familiekoordinator, seed 002): a § 32, stk. 1, nr. 8 measure that
needs every custody holder's consent (stk. 2) like every støttende indsats; on the approved
decision the coordinator records the start meeting, the follow-up meetings after it and the
contacts with the family. It is the municipality's own: never ordered from a provider."""

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest
from authority.domain import MeasureCode
from authority.domain.case import (
    CoordinationEnded,
    CoordinationMeeting,
    CoordinationMeetingHeld,
    EndCoordination,
    FamilyContactRecorded,
    RecordCoordinationMeeting,
    RecordFamilyContact,
)
from authority.domain.errors import DomainError
from authority.domain.order import decide as decide_order
from authority.domain.order.messages import PlaceOrder
from authority.domain.vocabulary import LEGAL_BASIS, SECTION_32

from .builders import AT, CASEWORKER, TODAY
from .test_case import DECISION, approved, case, concluded, opened, propose, proposed, started

COORDINATOR = MeasureCode.FAMILY_COORDINATOR
coordinator_proposed = replace(proposed, measure=COORDINATOR, legal_basis=LEGAL_BASIS[COORDINATOR])
decided = case.given(opened, started, concluded, coordinator_proposed, approved)


def meeting(kind: CoordinationMeeting, on: date = TODAY) -> RecordCoordinationMeeting:
    return RecordCoordinationMeeting(
        actor=CASEWORKER, at=AT, decision_id=DECISION, meeting=kind, held_on=on
    )


def test_it_is_a_section_32_measure_cited_as_nr_8() -> None:
    assert COORDINATOR in SECTION_32
    assert LEGAL_BASIS[COORDINATOR] == "Barnets lov § 32, stk. 1, nr. 8"


@pytest.mark.parametrize("consent", [None, replace(proposed.consent, given_by=frozenset())])
def test_deciding_a_family_coordinator_without_consent_is_refused(consent: object) -> None:
    # Given a concluded investigation, when a family coordinator is proposed without every
    # custody holder's consent, then it is refused (barnets lov § 32, stk. 2)
    command = replace(propose(), measure=COORDINATOR, consent=consent)
    case.given(opened, started, concluded).when(command).then_refused("custody_consent_missing")


def test_deciding_a_family_coordinator_with_consent_is_proposed() -> None:
    command = replace(propose(), measure=COORDINATOR, legal_basis=LEGAL_BASIS[COORDINATOR])
    case.given(opened, started, concluded).when(command).then(coordinator_proposed)


def test_the_start_meeting_then_follow_ups_and_contacts_are_recorded() -> None:
    start = meeting(CoordinationMeeting.START, TODAY - timedelta(days=1))
    held = CoordinationMeetingHeld(
        actor=CASEWORKER,
        at=AT,
        decision_id=DECISION,
        meeting=CoordinationMeeting.START,
        held_on=start.held_on,
    )
    state = decided.when(start).then(held)
    assert state.decisions[0].start_meeting_on == start.held_on
    later = decided.given(held)
    later.when(meeting(CoordinationMeeting.START)).then_refused("start_meeting_already_held")
    follow_up = later.when(meeting(CoordinationMeeting.FOLLOW_UP)).events()
    assert [type(e) for e in follow_up] == [CoordinationMeetingHeld]
    contact = RecordFamilyContact(actor=CASEWORKER, at=AT, decision_id=DECISION, contacted_on=TODAY)
    state = later.when(contact).then(
        FamilyContactRecorded(actor=CASEWORKER, at=AT, decision_id=DECISION, contacted_on=TODAY)
    )
    assert state.decisions[0].last_contact_on == TODAY


def test_meetings_out_of_turn_are_refused() -> None:
    decided.when(meeting(CoordinationMeeting.FOLLOW_UP)).then_refused("start_meeting_not_held")
    ahead = meeting(CoordinationMeeting.START, TODAY + timedelta(days=2))
    decided.when(ahead).then_refused("held_in_future")
    pending = case.given(opened, started, concluded, coordinator_proposed)
    pending.when(meeting(CoordinationMeeting.START)).then_refused("coordinator_not_decided")
    other = case.given(opened, started, concluded, proposed, approved)
    other.when(meeting(CoordinationMeeting.START)).then_refused("not_family_coordinator")


def test_a_family_coordinator_is_never_ordered_from_a_provider() -> None:
    with pytest.raises(DomainError) as refused:
        decide_order(
            PlaceOrder(
                actor=CASEWORKER,
                at=AT,
                order_id=uuid4(),
                case_id=opened.case_id,
                provider_id=uuid4(),
                decision_id=DECISION,
                measure=COORDINATOR,
                terms=None,  # type: ignore[arg-type]
            ),
            None,
        )
    assert refused.value.code == "measure_not_ordered"


def end(because: str = "Familien klarer sig selv") -> EndCoordination:
    return EndCoordination(
        actor=CASEWORKER, at=AT, decision_id=DECISION, ended_on=TODAY, because=because
    )


def test_ending_the_coordination_is_recorded_and_nothing_more_is_recorded_after_it() -> None:
    # Given a family coordinator at work; when the caseworker ends it with a reason
    ended = CoordinationEnded(
        actor=CASEWORKER,
        at=AT,
        decision_id=DECISION,
        ended_on=TODAY,
        because="Familien klarer sig selv",
    )
    decided.when(end()).then(ended)
    # Then no meeting or contact is recorded on it any more, nor is it ended twice
    after = case.given(opened, started, concluded, coordinator_proposed, approved, ended)
    after.when(meeting(CoordinationMeeting.START)).then_refused("coordination_ended")
    after.when(end()).then_refused("coordination_ended")


def test_ending_the_coordination_needs_a_reason() -> None:
    decided.when(end(" ")).then_refused("reason_required")
