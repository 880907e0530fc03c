"""Barnets lov § 91 (ungeplan § 108 from 16 years) and § 92: deciding a § 32 measure, the
caseworker records whether the child's plan is made (a placement always has one); the plan's
goals are made with the child and the custody holders, and the plan records who took part."""

from dataclasses import replace

from authority.app.case_wire import case_milestone
from authority.domain import MeasureCode
from authority.domain.case import (
    ActionPlanAdopted,
    AdoptActionPlan,
    CaseState,
    PlanKind,
    Recipient,
)
from samspil_contracts import DecisionApproved as WireDecisionApproved
from samspil_contracts import PlanKind as WirePlanKind

from .builders import AT, CASEWORKER, goals
from .test_case import (
    approved,
    case,
    concluded,
    opened,
    propose,
    proposed,
    started,
)
from .test_parties_and_awareness import TWELVE

twelve = replace(opened, child=TWELVE)  # born 2 Mar 2013: 12 years old on the decision


def test_barnets_lov_91_a_section_32_decision_says_whether_the_plan_is_made() -> None:
    # Given a concluded investigation; when a § 32 proposal leaves the plan unanswered
    given = case.given(opened, started, concluded)
    # Then it is refused with a stable code
    given.when(replace(propose(), plan_made=None)).then_refused("plan_choice_required")
    # And "no plan" is a valid answer, recorded on the decision without a plan kind
    state = given.when(replace(propose(), plan_made=False)).then(
        replace(proposed, plan_made=False, plan_kind=None)
    )
    assert isinstance(state, CaseState)
    assert state.decisions[0].plan_made is False


def test_barnets_lov_91_a_placement_always_has_the_plan() -> None:
    placement = replace(propose(), measure=MeasureCode.PLACEMENT, legal_basis="Barnets lov § 46")
    given = case.given(opened, started, concluded)
    given.when(replace(placement, plan_made=False)).then_refused("plan_required")
    given.when(replace(placement, plan_made=None)).then_refused("plan_required")


def test_barnets_lov_91_a_child_under_16_gets_barnets_plan() -> None:
    # Given a 12-year-old; when the plan is made, then it is barnets plan (§ 91)
    case.given(twelve, started, concluded).when(propose()).then(
        replace(proposed, plan_kind=PlanKind.CHILDS_PLAN)
    )


def test_barnets_lov_108_a_young_person_from_16_gets_an_ungeplan() -> None:
    # Given the invented child (over 16); when the plan is made, then it is an ungeplan
    case.given(opened, started, concluded).when(propose()).then(
        replace(proposed, plan_kind=PlanKind.YOUTH_PLAN)
    )


def test_barnets_lov_91_plan_within_3_months_the_scheduler_is_told_whether_a_plan_is_made() -> None:
    # Given an approved decision with the plan made, and one without
    made = case.given(twelve, started, concluded, replace(proposed, plan_kind=PlanKind.CHILDS_PLAN))
    none = case.given(twelve, started, concluded, replace(proposed, plan_made=False))
    for given, plan_made, kind in ((made, True, WirePlanKind.CHILDS_PLAN), (none, False, None)):
        state = given.given(approved).state
        assert isinstance(state, CaseState)
        # When the approval is published
        wire = case_milestone(approved, state)
        # Then the scheduler learns whether the plan (and its 3-month deadline) is owed
        assert isinstance(wire, WireDecisionApproved)
        assert (wire.plan_made, wire.plan_kind) == (plan_made, kind)


def test_barnets_lov_91_a_decision_stored_before_the_choice_reads_as_a_plan_made() -> None:
    # Given a decision proposed before the plan choice was recorded
    old = replace(proposed, plan_made=None, plan_kind=None)
    state = case.given(twelve, started, concluded, old, approved).state
    assert isinstance(state, CaseState)
    # Then it is published as it was scheduled then: with barnets plan
    wire = case_milestone(approved, state)
    assert isinstance(wire, WireDecisionApproved)
    assert wire.plan_made is True


def test_barnets_lov_92_a_plan_without_participants_is_refused() -> None:
    # Given an approved decision; when a plan is adopted without saying who took part
    given = case.given(twelve, started, concluded, proposed, approved)
    adopt = AdoptActionPlan(actor=CASEWORKER, at=AT, goals=goals())
    # Then it is refused with a stable code
    given.when(adopt).then_refused("plan_participants_missing")


def test_barnets_lov_92_the_plan_records_who_made_its_goals() -> None:
    given = case.given(twelve, started, concluded, proposed, approved)
    both = frozenset({Recipient.CHILD, Recipient.MOTHER, Recipient.FATHER})
    adopt = AdoptActionPlan(actor=CASEWORKER, at=AT, goals=goals(), participants=both)
    state = given.when(adopt).then(
        ActionPlanAdopted(actor=CASEWORKER, at=AT, version=1, goals=goals(), participants=both)
    )
    assert isinstance(state, CaseState)
    assert state.action_plan is not None
    assert state.action_plan.participants == both
