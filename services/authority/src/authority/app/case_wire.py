"""Case milestones the scheduler and providers act on, from domain events to the wire."""

from __future__ import annotations

from datetime import date, datetime
from uuid import NAMESPACE_URL, UUID, uuid5
from zoneinfo import ZoneInfo

import samspil_contracts as wire
from samspil_contracts.common import Goal as WireGoal

from authority.domain import Goal
from authority.domain.case import (
    ActionPlanAdopted,
    CaseEvent,
    CaseOpened,
    CaseState,
    CaseworkerAssigned,
    CoordinationEnded,
    CoordinationMeetingHeld,
    DecisionApproved,
    FamilyContactRecorded,
    InvestigationConcluded,
    InvestigationStarted,
    PlanKind,
)

WIRE_MEASURES = {m.value for m in wire.DecidedMeasure}
DENMARK = ZoneInfo("Europe/Copenhagen")


def local_day(moment: datetime) -> date:
    return moment.astimezone(DENMARK).date()


def action_plan_id(case_id: UUID, version: int) -> UUID:
    """The domain numbers plan versions; the wire names each by a stable id."""
    return uuid5(NAMESPACE_URL, f"urn:samspil:action-plan:{case_id}:{version}")


def wire_goals(goals: tuple[Goal, ...]) -> tuple[WireGoal, ...]:
    return tuple(
        WireGoal(goal_id=g.goal_id, area=wire.GoalArea(g.area.value), description=g.text)
        for g in goals
    )


# One arm per milestone reads best.
def case_milestone(event: CaseEvent, state: CaseState) -> wire.IntegrationEvent | None:  # noqa: PLR0911
    case_id, on = state.case_id, event.at.date()
    investigation = state.investigation
    match event:
        case CaseOpened() | CaseworkerAssigned():
            # The municipality is added on publishing (see Kit.publish).
            return wire.CaseworkerAssigned(case_id=case_id, caseworker_id=state.caseworker_id)
        case InvestigationStarted(investigation_id=investigation_id, aware_since=aware):
            # § 20, stk. 3 counts from awareness, a Danish calendar day.
            aware_on = local_day(aware) if aware is not None else local_day(event.at)
            return wire.InvestigationStarted(
                case_id=case_id,
                investigation_id=investigation_id,
                started_on=on,
                aware_on=min(aware_on, on),
            )
        case InvestigationConcluded() if investigation is not None:
            return wire.InvestigationConcluded(
                case_id=case_id, investigation_id=investigation.investigation_id, concluded_on=on
            )
        case DecisionApproved(decision_id=decision_id):
            decision = state.decision(decision_id)
            if decision is None or decision.measure.value not in WIRE_MEASURES:
                return None  # ungestøtte (barnets lov § 114) has no wire code yet
            return wire.DecisionApproved(
                case_id=case_id,
                decision_id=decision_id,
                measure=wire.DecidedMeasure(decision.measure.value),
                legal_basis=decision.legal_basis,
                decided_on=on,
                # Decisions proposed before the choice was recorded all called for a plan.
                plan_made=decision.plan_made is not False,
                plan_kind=wire.PlanKind((decision.plan_kind or PlanKind.CHILDS_PLAN).value)
                if decision.plan_made is not False
                else None,
            )
        case ActionPlanAdopted(version=version, goals=goals):
            return wire.ActionPlanAdopted(
                case_id=case_id,
                action_plan_id=action_plan_id(case_id, version),
                version=version,
                goals=wire_goals(goals),
                adopted_on=on,
            )
        case CoordinationMeetingHeld(decision_id=decision_id, meeting=meeting, held_on=held):
            return wire.CoordinationMeetingHeld(
                case_id=case_id,
                decision_id=decision_id,
                meeting=wire.CoordinationMeeting(meeting.value),
                held_on=held,
            )
        case FamilyContactRecorded(decision_id=decision_id, contacted_on=contacted):
            return wire.FamilyContactRecorded(
                case_id=case_id, decision_id=decision_id, contacted_on=contacted
            )
        case CoordinationEnded(decision_id=decision_id, ended_on=ended):
            return wire.CoordinationEnded(case_id=case_id, decision_id=decision_id, ended_on=ended)
    return None
