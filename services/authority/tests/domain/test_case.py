"""The case: investigation before decision, four-eyes approval, notice, action plan."""

from dataclasses import replace
from uuid import UUID

import pytest
from authority.domain import Actor, DomainError, Goal, GoalArea, MeasureCode
from authority.domain.case import (
    ActionPlanAdopted,
    AdoptActionPlan,
    ApproveDecision,
    CaseOpened,
    CaseState,
    ChildDataErased,
    ConcludeInvestigation,
    Consent,
    Custody,
    CustodyHolder,
    DecisionApproved,
    DecisionBasis,
    DecisionCommunicated,
    DecisionProposed,
    DecisionRejected,
    DecisionStatus,
    EraseChildData,
    EraseWithChild,
    ErasureRequested,
    FollowUpCadenceSet,
    InvestigationConcluded,
    InvestigationStarted,
    OpenCase,
    PlanKind,
    ProposeDecision,
    Recipient,
    RecordDecisionCommunicated,
    RejectDecision,
    RequestErasure,
    SetFollowUpCadence,
    StartInvestigation,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import (
    AT,
    CASEWORKER,
    CHILD,
    FATHER,
    FINANCE,
    MOTHER,
    OTHER_TEAM_LEADER,
    TEAM_LEADER,
    goals,
)

CASE = UUID(int=100)
DECISION = UUID(int=200)
case = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
erasure_requested = ErasureRequested(actor=TEAM_LEADER, at=AT, reason="Retention period over")
approve_erasure = EraseChildData(actor=OTHER_TEAM_LEADER, at=AT, reason="Approved")

# Joint custody: both parents consent (barnets lov § 32, stk. 2).
CONSENT = Consent(frozenset({Recipient.MOTHER, Recipient.FATHER}), AT.date())
opened = CaseOpened(
    actor=CASEWORKER,
    at=AT,
    case_id=CASE,
    child=CHILD,
    parents=(MOTHER, FATHER),
    custody=Custody(CustodyHolder.JOINT),
    contact_person="Anna Caseworker, 1234 5678",
    caseworker_id=CASEWORKER.user_id,
)
started = InvestigationStarted(
    actor=CASEWORKER, at=AT, investigation_id=UUID(int=300), aware_since=AT
)
concluded = InvestigationConcluded(actor=CASEWORKER, at=AT, summary="Needs support at home")
proposed = DecisionProposed(
    actor=CASEWORKER,
    at=AT,
    decision_id=DECISION,
    measure=MeasureCode.SUPPORT_IN_HOME,
    legal_basis="Barnets lov § 32, stk. 1, nr. 2",
    assessment="Mornings break down; the parents want help with structure.",
    purpose="Mornings without conflict and the child at school on time",
    expected_duration_months=6,
    consent=CONSENT,
    basis=DecisionBasis.CONCLUDED,
    plan_made=True,
    plan_kind=PlanKind.YOUTH_PLAN,  # the invented child is over 16: an ungeplan (§ 108)
)
TOOK_PART = frozenset({Recipient.CHILD, Recipient.MOTHER})  # barnets lov § 92
approved = DecisionApproved(actor=TEAM_LEADER, at=AT, decision_id=DECISION)


def propose(actor: Actor = CASEWORKER, assessment: str = proposed.assessment) -> ProposeDecision:
    return ProposeDecision(
        actor=actor,
        at=AT,
        decision_id=DECISION,
        measure=proposed.measure,
        legal_basis=proposed.legal_basis,
        assessment=assessment,
        purpose=proposed.purpose,
        expected_duration_months=proposed.expected_duration_months,
        consent=CONSENT,
        plan_made=True,
    )


def test_a_case_is_opened_for_a_child() -> None:
    command = OpenCase(
        actor=CASEWORKER,
        at=AT,
        case_id=CASE,
        child=CHILD,
        parents=(MOTHER, FATHER),
        custody=Custody(CustodyHolder.JOINT),
        contact_person=opened.contact_person,
        caseworker_id=CASEWORKER.user_id,
    )
    case.given().when(command).then(opened)
    case.given(opened).when(command).then_refused("case_exists")


def test_custody_names_a_guardian_exactly_when_the_guardian_holds_it() -> None:
    with pytest.raises(DomainError) as refused:
        Custody(CustodyHolder.GUARDIAN)
    assert refused.value.code == "invalid_custody"
    with pytest.raises(DomainError):
        Custody(CustodyHolder.MOTHER, guardian=FATHER)


def test_finance_cannot_work_on_a_case() -> None:
    command = StartInvestigation(actor=FINANCE, at=AT, investigation_id=UUID(int=300))
    case.given(opened).when(command).then_refused("forbidden_role")


def test_the_investigation_is_started_then_concluded_with_a_summary() -> None:
    start = StartInvestigation(actor=CASEWORKER, at=AT, investigation_id=UUID(int=300))
    conclude = ConcludeInvestigation(actor=CASEWORKER, at=AT, summary="Needs support at home")
    case.given(opened).when(conclude).then_refused("investigation_not_started")
    case.given(opened).when(start).then(started)
    case.given(opened, started).when(start).then_refused("investigation_already_started")
    case.given(opened, started).when(replace(conclude, summary="  ")).then_refused(
        "summary_required"
    )
    state = case.given(opened, started).when(conclude).then(concluded)
    assert isinstance(state, CaseState)
    assert state.investigation_concluded


def test_no_decision_without_an_investigation() -> None:
    case.given(opened).when(propose()).then_refused("investigation_not_concluded")


def test_a_decision_rests_on_a_concrete_individual_assessment() -> None:
    given = case.given(opened, started, concluded)
    given.when(propose(assessment="")).then_refused("assessment_required")
    given.when(propose()).then(proposed)


def test_the_proposer_cannot_approve_their_own_decision() -> None:
    own = replace(proposed, actor=TEAM_LEADER)
    approve = ApproveDecision(actor=TEAM_LEADER, at=AT, decision_id=DECISION)
    case.given(opened, started, concluded, own).when(approve).then_refused("four_eyes_required")


def test_only_a_team_leader_approves() -> None:
    approve = ApproveDecision(actor=CASEWORKER, at=AT, decision_id=DECISION)
    given = case.given(opened, started, concluded, proposed)
    given.when(approve).then_refused("forbidden_role")
    state = given.when(replace(approve, actor=TEAM_LEADER)).then(approved)
    assert isinstance(state, CaseState)
    decision = state.decision(DECISION)
    assert decision is not None
    assert decision.status is DecisionStatus.APPROVED
    assert decision.decided_by == TEAM_LEADER.user_id


def test_a_decision_is_decided_once() -> None:
    approve = ApproveDecision(actor=TEAM_LEADER, at=AT, decision_id=DECISION)
    given = case.given(opened, started, concluded, proposed, approved)
    given.when(approve).then_refused("decision_not_pending")
    case.given(opened).when(replace(approve, decision_id=UUID(int=9))).then_refused(
        "decision_not_found"
    )


def test_a_rejection_needs_a_reason() -> None:
    reject = RejectDecision(actor=TEAM_LEADER, at=AT, decision_id=DECISION)
    given = case.given(opened, started, concluded, proposed)
    given.when(reject).then_refused("reason_required")
    given.when(replace(reject, reason="Assess the school's view first")).then(
        DecisionRejected(
            actor=TEAM_LEADER, at=AT, reason="Assess the school's view first", decision_id=DECISION
        )
    )


def test_the_decision_reaches_the_child_and_every_custody_holder() -> None:
    command = RecordDecisionCommunicated(
        actor=CASEWORKER, at=AT, decision_id=DECISION, recipients=frozenset({Recipient.CHILD})
    )
    case.given(opened, started, concluded, proposed).when(command).then_refused(
        "decision_not_approved"
    )
    given = case.given(opened, started, concluded, proposed, approved)
    refused = given.when(command).then_refused("recipients_incomplete")
    assert "father" in refused.message
    assert "mother" in refused.message
    everyone = frozenset({Recipient.CHILD, Recipient.MOTHER, Recipient.FATHER})
    given.when(replace(command, recipients=everyone)).then(
        DecisionCommunicated(actor=CASEWORKER, at=AT, decision_id=DECISION, recipients=everyone)
    )


def test_an_action_plan_needs_an_approved_decision_and_keeps_every_version() -> None:
    adopt = AdoptActionPlan(actor=CASEWORKER, at=AT, goals=goals(), participants=TOOK_PART)
    case.given(opened, started, concluded, proposed).when(adopt).then_refused(
        "no_approved_decision"
    )
    first = ActionPlanAdopted(
        actor=CASEWORKER, at=AT, version=1, goals=goals(), participants=TOOK_PART
    )
    given = case.given(opened, started, concluded, proposed, approved)
    given.when(adopt).then(first)
    revised = (Goal(UUID(int=3), GoalArea.HEALTH, "Sleeps through the night"),)
    state = (
        given.given(first)
        .when(replace(adopt, goals=revised))
        .then(
            ActionPlanAdopted(
                actor=CASEWORKER, at=AT, version=2, goals=revised, participants=TOOK_PART
            )
        )
    )
    assert isinstance(state, CaseState)
    assert state.action_plan is not None
    assert [p.version for p in state.action_plans] == [1, 2]
    assert state.action_plan.goals == revised


def test_action_plan_goals_are_required_unique_and_say_something() -> None:
    given = case.given(opened, started, concluded, proposed, approved)
    adopt = AdoptActionPlan(actor=CASEWORKER, at=AT, goals=(), participants=TOOK_PART)
    given.when(adopt).then_refused("goal_required")
    twice = (goals()[0], goals()[0])
    given.when(replace(adopt, goals=twice)).then_refused("duplicate_goal_id")
    blank = (Goal(UUID(int=4), GoalArea.OTHER, " "),)
    given.when(replace(adopt, goals=blank)).then_refused("goal_text_required")


def test_a_follow_up_cadence_needs_a_justification() -> None:
    command = SetFollowUpCadence(actor=CASEWORKER, at=AT, months=6, justification="")
    case.given(opened).when(command).then_refused("justification_required")
    case.given(opened).when(replace(command, months=0)).then_refused("invalid_cadence")
    case.given(opened).when(replace(command, justification="Statutory: every 6 months")).then(
        FollowUpCadenceSet(
            actor=CASEWORKER, at=AT, months=6, justification="Statutory: every 6 months"
        )
    )


def test_nothing_more_happens_on_a_case_whose_child_data_is_erased() -> None:
    erased = ChildDataErased(actor=OTHER_TEAM_LEADER, at=AT, reason="Approved")
    case.given(opened, erasure_requested).when(approve_erasure).then(erased)
    case.given(opened, erasure_requested, erased).when(approve_erasure).then_refused("case_erased")
    start = StartInvestigation(actor=CASEWORKER, at=AT, investigation_id=UUID(int=300))
    case.given(opened, erasure_requested, erased).when(start).then_refused("case_erased")


def test_erasure_takes_two_team_leaders_one_asks_another_approves() -> None:
    # Given a team leader asked, with a reason, to erase the child's data
    request = RequestErasure(actor=TEAM_LEADER, at=AT, reason="Retention period over")
    state = case.given(opened).when(request).then(erasure_requested)
    assert state is not None
    assert state.erasure_requested_by == TEAM_LEADER.user_id
    # When the same team leader approves it, then it is refused: four eyes
    own = EraseChildData(actor=TEAM_LEADER, at=AT, reason="Approved")
    case.given(opened, erasure_requested).when(own).then_refused("erasure_four_eyes_required")
    # And a second request waits for the first to be approved
    case.given(opened, erasure_requested).when(request).then_refused("erasure_already_requested")


def test_an_erasure_needs_a_request_with_a_reason_by_a_team_leader() -> None:
    case.given(opened).when(approve_erasure).then_refused("erasure_not_requested")
    unreasoned = RequestErasure(actor=TEAM_LEADER, at=AT)
    case.given(opened).when(unreasoned).then_refused("reason_required")
    by_caseworker = RequestErasure(actor=CASEWORKER, at=AT, reason="Retention period over")
    case.given(opened).when(by_caseworker).then_refused("forbidden_role")


def test_the_childs_other_cases_follow_an_erasure_approved_on_one_of_them() -> None:
    follow = EraseWithChild(
        actor=OTHER_TEAM_LEADER, at=AT, reason="Approved", erased_on=UUID(int=9)
    )
    erased = ChildDataErased(actor=OTHER_TEAM_LEADER, at=AT, reason="Approved")
    case.given(opened).when(follow).then(erased)


def test_a_command_on_a_missing_case_is_refused() -> None:
    start = StartInvestigation(actor=CASEWORKER, at=AT, investigation_id=UUID(int=300))
    case.given().when(start).then_refused("case_not_found")
