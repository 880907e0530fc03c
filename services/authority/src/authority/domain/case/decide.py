"""Decide what a command on a case (sag) means, or refuse it."""

from authority.domain.audit import CASEWORK, Role, require_role, stamp
from authority.domain.case import awareness, coordination, decisions, erasure, plan
from authority.domain.case.commands import (
    AdoptActionPlan,
    ApproveDecision,
    AssignCaseworker,
    CaseCommand,
    ConcludeInvestigation,
    EndCoordination,
    EraseChildData,
    EraseWithChild,
    LinkNotification,
    OpenCase,
    ProposeDecision,
    RecordCoordinationMeeting,
    RecordDecisionCommunicated,
    RecordFamilyContact,
    RecordPreliminaryAssessment,
    RejectDecision,
    RequestErasure,
    SetFollowUpCadence,
    StartInvestigation,
)
from authority.domain.case.events import (
    CaseEvent,
    CaseOpened,
    CaseworkerAssigned,
    FollowUpCadenceSet,
    InvestigationConcluded,
)
from authority.domain.case.state import CaseState
from authority.domain.errors import DomainError, require, require_text

# A provider's concern arrives as a notification the integration layer links to the case.
LINKING: frozenset[Role] = CASEWORK | {Role.SYSTEM}


def decide(command: CaseCommand, state: CaseState | None) -> list[CaseEvent]:  # noqa: PLR0911, PLR0912
    require_role(command, LINKING if isinstance(command, LinkNotification) else CASEWORK)
    if isinstance(command, OpenCase):
        return _open(command, state)
    case = _live(state)
    match command:
        case AssignCaseworker():
            caseworker = require_text(command.caseworker_id, "caseworker_id")
            return [CaseworkerAssigned(**stamp(command), caseworker_id=caseworker)]
        case StartInvestigation():
            return awareness.start(command, case)
        case LinkNotification():
            return awareness.link(command, case)
        case RecordPreliminaryAssessment():
            return awareness.preliminary(command, case)
        case ConcludeInvestigation():
            return _conclude_investigation(command, case)
        case ProposeDecision():
            return decisions.propose(command, case)
        case ApproveDecision():
            return decisions.approve(command, case)
        case RejectDecision():
            return decisions.reject(command, case)
        case RecordDecisionCommunicated():
            return decisions.communicate(command, case)
        case AdoptActionPlan():
            return plan.adopt(command, case)
        case SetFollowUpCadence():
            return _set_cadence(command)
        case RecordCoordinationMeeting():
            return coordination.meeting(command, case)
        case RecordFamilyContact():
            return coordination.contact(command, case)
        case EndCoordination():
            return coordination.end(command, case)
        case RequestErasure() | EraseChildData() | EraseWithChild():
            return erasure.decide(command, case)


def _live(state: CaseState | None) -> CaseState:
    if state is None:
        raise DomainError("case_not_found", "the case does not exist")
    require(not state.erased, "case_erased", "the child's data on this case has been erased")
    return state


def _open(command: OpenCase, state: CaseState | None) -> list[CaseEvent]:
    require(state is None, "case_exists", "the case is already open")
    return [
        CaseOpened(
            **stamp(command),
            case_id=command.case_id,
            child=command.child,
            parents=command.parents,
            custody=command.custody,
            contact_person=require_text(command.contact_person, "contact_person"),
            caseworker_id=require_text(command.caseworker_id, "caseworker_id"),
        )
    ]


def _conclude_investigation(command: ConcludeInvestigation, case: CaseState) -> list[CaseEvent]:
    require(
        case.investigation is not None,
        "investigation_not_started",
        "no child investigation has been started",
    )
    require(
        not case.investigation_concluded,
        "investigation_already_concluded",
        "the child investigation is already concluded",
    )
    assert case.investigation is not None  # guarded above
    awareness.require_in_time_or_assessed(case.investigation, command.at)
    summary = require_text(command.summary, "summary")
    return [InvestigationConcluded(**stamp(command), summary=summary)]


def _set_cadence(command: SetFollowUpCadence) -> list[CaseEvent]:
    # The upper bound is what the scheduler honours: the app checks it against the contract.
    require(command.months >= 1, "invalid_cadence", "a follow-up cadence is at least 1 month")
    justification = require_text(command.justification, "justification")
    return [
        FollowUpCadenceSet(**stamp(command), months=command.months, justification=justification)
    ]
