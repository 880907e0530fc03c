"""The child's plan (barnets plan, barnets lov § 91; ungeplan § 108 from 16 years).

When deciding a støttende indsats (§ 32, stk. 1) the caseworker decides whether a plan is
made; a placement (§ 46) always has one. The plan's goals are made with the child and the
custody holders (§ 92), so the plan records who took part. Its deadline (no later than 3
months after the decision) is the scheduler's.
"""

from datetime import date

from authority.domain.audit import stamp
from authority.domain.case.commands import AdoptActionPlan, ProposeDecision
from authority.domain.case.events import ActionPlanAdopted, CaseEvent
from authority.domain.case.parties import age_on
from authority.domain.case.state import CaseState
from authority.domain.case.terms import PlanKind
from authority.domain.errors import require
from authority.domain.vocabulary import SECTION_32, MeasureCode, require_goals

YOUTH_PLAN_AGE = 16  # § 108: an ungeplan for a young person from 16 years


def plan_kind(state: CaseState, on: date) -> PlanKind:
    young = age_on(state.child, on) >= YOUTH_PLAN_AGE
    return PlanKind.YOUTH_PLAN if young else PlanKind.CHILDS_PLAN


def choice(command: ProposeDecision, state: CaseState) -> tuple[bool | None, PlanKind | None]:
    """Whether the decision's plan is made, and which plan that is; refuses a § 32 decision
    that does not say, and a placement without one."""
    made = command.plan_made
    if command.measure in SECTION_32:
        require(
            made is not None,
            "plan_choice_required",
            "§ 91: state whether the child's plan (barnets plan, ungeplan § 108) is made",
        )
    if command.measure is MeasureCode.PLACEMENT:
        require(made is True, "plan_required", "§ 91: a placement always has the child's plan")
    return made, plan_kind(state, command.at.date()) if made else None


def adopt(command: AdoptActionPlan, case: CaseState) -> list[CaseEvent]:
    require(
        case.has_approved_decision,
        "no_approved_decision",
        "the child's plan (barnets lov § 91) needs an approved decision on a measure",
    )
    require_goals(command.goals)
    require(
        bool(command.participants),
        "plan_participants_missing",
        "§ 92: record who made the plan's goals with the municipality (the child, the custody "
        "holders)",
    )
    version = len(case.action_plans) + 1
    return [
        ActionPlanAdopted(
            **stamp(command),
            version=version,
            goals=command.goals,
            participants=command.participants,
        )
    ]
