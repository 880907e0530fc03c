"""Fold case events into the case state."""

from collections.abc import Callable
from dataclasses import replace
from uuid import UUID

from authority.domain.case.events import (
    ActionPlanAdopted,
    CaseEvent,
    CaseOpened,
    CaseworkerAssigned,
    ChildDataErased,
    CoordinationEnded,
    CoordinationMeetingHeld,
    DecisionApproved,
    DecisionCommunicated,
    DecisionProposed,
    DecisionRejected,
    ErasureRequested,
    FamilyContactRecorded,
    FollowUpCadenceSet,
    InvestigationConcluded,
    InvestigationStarted,
    NotificationLinked,
    PreliminaryAssessmentRecorded,
)
from authority.domain.case.people import Recipient
from authority.domain.case.state import (
    ActionPlan,
    CaseState,
    Decision,
    DecisionStatus,
    Investigation,
)
from authority.domain.case.terms import CoordinationMeeting
from authority.domain.vocabulary import cited_in_force


def evolve(state: CaseState | None, event: CaseEvent) -> CaseState:
    if isinstance(event, CaseOpened):
        return CaseState(
            case_id=event.case_id,
            child=event.child,
            parents=event.parents,
            custody=event.custody,
            contact_person=event.contact_person,
            caseworker_id=event.caseworker_id,
            opened_at=event.at,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before CaseOpened: the stream is corrupt")
    return _apply(state, event)


def _apply(state: CaseState, event: CaseEvent) -> CaseState:  # noqa: PLR0911, PLR0912 - one per event
    match event:
        case CaseworkerAssigned(caseworker_id=caseworker_id):
            return replace(state, caseworker_id=caseworker_id)
        case InvestigationStarted(investigation_id=investigation_id, at=at):
            started = Investigation(
                investigation_id, started_at=at, aware_since=event.aware_since, kind=event.kind
            )
            return replace(state, investigation=started)
        case NotificationLinked(notification_id=n_id, received_at=received):
            aware = min(received, state.aware_since or received)
            return replace(
                state, notification_ids=(*state.notification_ids, n_id), aware_since=aware
            )
        case PreliminaryAssessmentRecorded(assessment=text) if state.investigation is not None:
            investigation = replace(state.investigation, preliminary_assessment=text)
            return replace(state, investigation=investigation)
        case InvestigationConcluded(summary=summary) if state.investigation is not None:
            return replace(state, investigation=replace(state.investigation, summary=summary))
        case DecisionProposed():
            return replace(state, decisions=(*state.decisions, _proposal(event)))
        case DecisionApproved(decision_id=d_id):
            return _update(state, d_id, status=DecisionStatus.APPROVED, by=event.actor.user_id)
        case DecisionRejected(decision_id=d_id):
            return _update(state, d_id, status=DecisionStatus.REJECTED, by=event.actor.user_id)
        case DecisionCommunicated(decision_id=d_id, recipients=recipients):
            return _communicated(state, d_id, recipients)
        case ActionPlanAdopted(version=version, goals=goals, at=at, participants=who):
            plan = ActionPlan(version=version, goals=goals, adopted_at=at, participants=who)
            return replace(state, action_plans=(*state.action_plans, plan))
        case FollowUpCadenceSet(months=months):
            return replace(state, follow_up_months=months)
        case CoordinationMeetingHeld(decision_id=d_id, meeting=meeting, held_on=on):
            start = meeting is CoordinationMeeting.START
            return _with_decision(
                state,
                d_id,
                lambda d: replace(
                    d, last_meeting_on=on, start_meeting_on=on if start else d.start_meeting_on
                ),
            )
        case FamilyContactRecorded(decision_id=d_id, contacted_on=on):
            return _with_decision(state, d_id, lambda d: replace(d, last_contact_on=on))
        case CoordinationEnded(decision_id=d_id, ended_on=on):
            return _with_decision(state, d_id, lambda d: replace(d, coordination_ended_on=on))
        case ErasureRequested(actor=actor):
            return replace(state, erasure_requested_by=actor.user_id)
        case ChildDataErased():
            return replace(state, erased=True)
    raise ValueError(f"cannot apply {type(event).__name__} to the case")


def _proposal(event: DecisionProposed) -> Decision:
    return Decision(
        decision_id=event.decision_id,
        measure=event.measure,
        legal_basis=cited_in_force(event.measure, event.legal_basis, event.at.date()),
        assessment=event.assessment,
        proposed_by=event.actor.user_id,
        purpose=event.purpose,
        expected_duration_months=event.expected_duration_months,
        consent=event.consent,
        basis=event.basis,
        parallel_justification=event.parallel_justification,
        plan_made=event.plan_made,
        plan_kind=event.plan_kind,
    )


def _update(state: CaseState, decision_id: UUID, status: DecisionStatus, by: str) -> CaseState:
    return _with_decision(state, decision_id, lambda d: replace(d, status=status, decided_by=by))


def _communicated(
    state: CaseState, decision_id: UUID, recipients: frozenset[Recipient]
) -> CaseState:
    return _with_decision(
        state, decision_id, lambda d: replace(d, communicated_to=d.communicated_to | recipients)
    )


def _with_decision(
    state: CaseState, decision_id: UUID, change: Callable[[Decision], Decision]
) -> CaseState:
    decisions = tuple(change(d) if d.decision_id == decision_id else d for d in state.decisions)
    return replace(state, decisions=decisions)
