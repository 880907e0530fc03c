"""The family coordinator (familiekoordinator, seed 002) at work on an approved decision.

The coordinator calls the start meeting with the family's professional network, holds
follow-up meetings after it and keeps in close contact with the family; what the case
records here are those facts. When each is due is the scheduler's (2 months, every
8 weeks, weekly), from the milestones this publishes.
"""

from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from authority.domain.audit import stamp
from authority.domain.case.commands import (
    EndCoordination,
    RecordCoordinationMeeting,
    RecordFamilyContact,
)
from authority.domain.case.events import (
    CaseEvent,
    CoordinationEnded,
    CoordinationMeetingHeld,
    FamilyContactRecorded,
)
from authority.domain.case.state import CaseState, Decision, DecisionStatus
from authority.domain.case.terms import CoordinationMeeting
from authority.domain.errors import DomainError, require
from authority.domain.vocabulary import MeasureCode

DENMARK = ZoneInfo("Europe/Copenhagen")


def meeting(command: RecordCoordinationMeeting, case: CaseState) -> list[CaseEvent]:
    decision = _coordinator(case, command.decision_id)
    _happened(command.held_on, command.at)
    started = decision.start_meeting_on
    if command.meeting is CoordinationMeeting.START:
        require(
            started is None,
            "start_meeting_already_held",
            "the start meeting of this family coordinator is already recorded",
        )
    else:
        require(
            started is not None,
            "start_meeting_not_held",
            "record the start meeting first: the follow-up meetings come after it",
        )
        require(
            command.held_on > (decision.last_meeting_on or command.held_on),
            "held_before_previous",
            "a follow-up meeting comes after the meeting it succeeds",
        )
    return [
        CoordinationMeetingHeld(
            **stamp(command),
            decision_id=command.decision_id,
            meeting=command.meeting,
            held_on=command.held_on,
        )
    ]


def contact(command: RecordFamilyContact, case: CaseState) -> list[CaseEvent]:
    decision = _coordinator(case, command.decision_id)
    _happened(command.contacted_on, command.at)
    last = decision.last_contact_on
    require(
        last is None or command.contacted_on >= last,
        "contact_before_previous",
        "a contact before the last one recorded",
    )
    return [
        FamilyContactRecorded(
            **stamp(command), decision_id=command.decision_id, contacted_on=command.contacted_on
        )
    ]


def end(command: EndCoordination, case: CaseState) -> list[CaseEvent]:
    _coordinator(case, command.decision_id)
    _happened(command.ended_on, command.at)
    require(bool(command.because.strip()), "reason_required", "say why the coordination ends")
    return [
        CoordinationEnded(
            **stamp(command),
            decision_id=command.decision_id,
            ended_on=command.ended_on,
            because=command.because.strip(),
        )
    ]


def _coordinator(case: CaseState, decision_id: UUID) -> Decision:
    decision = case.decision(decision_id)
    if decision is None:
        raise DomainError("decision_not_found", "no decision with this id on the case")
    require(
        decision.measure is MeasureCode.FAMILY_COORDINATOR,
        "not_family_coordinator",
        "meetings and contacts are recorded on a family coordinator decision",
    )
    require(
        decision.status is DecisionStatus.APPROVED,
        "coordinator_not_decided",
        "the family coordinator starts once the decision is approved",
    )
    require(
        decision.coordination_ended_on is None,
        "coordination_ended",
        "the family coordinator's work on this decision has ended",
    )
    return decision


def _happened(on: date, at: datetime) -> None:
    # A Danish calendar day, as the scheduler counts it.
    require(
        on <= at.astimezone(DENMARK).date(),
        "held_in_future",
        "a meeting or contact is recorded once it has happened",
    )
