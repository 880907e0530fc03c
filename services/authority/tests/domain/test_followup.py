"""Follow-ups: the provider's status report, then continue, adjust or end."""

from dataclasses import replace
from datetime import date
from uuid import UUID

from authority.domain.errors import DomainError
from authority.domain.followup import (
    AdjustedTerms,
    AttachStatusReport,
    ContractAdjustmentRequested,
    FollowUpDue,
    FollowUpState,
    GoalProgress,
    MeasureEndRequested,
    Outcome,
    OutcomeRecorded,
    Progress,
    RecordFollowUpDue,
    RecordOutcome,
    StatusReport,
    StatusReportAttached,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, SYSTEM, goals

followup = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
CONTRACT = UUID(int=10)
due = FollowUpDue(
    actor=SYSTEM, at=AT, followup_id=UUID(int=1), contract_id=CONTRACT, due_on=date(2025, 7, 1)
)
REPORT = StatusReport(
    goals=(
        GoalProgress(goals()[0].goal_id, Progress.CLEAR_PROGRESS),
        GoalProgress(goals()[1].goal_id, Progress.UNCHANGED),
    ),
    text="Mornings are calmer; school attendance unchanged.",
)
NEW_TERMS = AdjustedTerms(goals=goals(), scope="6 hours a week", frequency="3 visits a week")
outcome = RecordOutcome(actor=CASEWORKER, at=AT, outcome=Outcome.CONTINUE, notes="Going well")


def test_the_schedulers_due_date_opens_a_follow_up() -> None:
    command = RecordFollowUpDue(
        actor=SYSTEM, at=AT, followup_id=due.followup_id, contract_id=CONTRACT, due_on=due.due_on
    )
    followup.given().when(command).then(due)
    followup.given(due).when(command).then_refused("followup_exists")


def test_the_provider_reports_progress_per_goal() -> None:
    attach = AttachStatusReport(actor=SYSTEM, at=AT, report=REPORT)
    state = (
        followup.given(due)
        .when(attach)
        .then(StatusReportAttached(actor=SYSTEM, at=AT, report=REPORT))
    )
    assert isinstance(state, FollowUpState)
    assert state.report == REPORT
    empty = replace(attach, report=replace(REPORT, goals=()))
    followup.given(due).when(empty).then_refused("goal_progress_required")


def test_continue_is_recorded_alone() -> None:
    followup.given(due).when(outcome).then(
        OutcomeRecorded(actor=CASEWORKER, at=AT, outcome=Outcome.CONTINUE, notes="Going well")
    )


def test_adjust_needs_new_terms_and_asks_for_a_contract_amendment() -> None:
    adjust = replace(outcome, outcome=Outcome.ADJUST, notes="More hours needed")
    followup.given(due).when(adjust).then_refused("new_terms_required")
    followup.given(due).when(replace(adjust, new_terms=NEW_TERMS)).then(
        OutcomeRecorded(actor=CASEWORKER, at=AT, outcome=Outcome.ADJUST, notes="More hours needed"),
        ContractAdjustmentRequested(
            actor=CASEWORKER, at=AT, contract_id=CONTRACT, new_terms=NEW_TERMS
        ),
    )
    blank = replace(adjust, new_terms=replace(NEW_TERMS, scope=""))
    followup.given(due).when(blank).then_refused("scope_required")


def test_new_terms_are_refused_unless_adjusting() -> None:
    followup.given(due).when(replace(outcome, new_terms=NEW_TERMS)).then_refused(
        "new_terms_not_allowed"
    )


def test_end_requests_that_the_measure_ends() -> None:
    end = replace(outcome, outcome=Outcome.END, notes="Goals reached")
    followup.given(due).when(end).then(
        OutcomeRecorded(actor=CASEWORKER, at=AT, outcome=Outcome.END, notes="Goals reached"),
        MeasureEndRequested(actor=CASEWORKER, at=AT, contract_id=CONTRACT),
    )


def test_the_outcome_is_recorded_once_by_casework_with_notes() -> None:
    recorded = OutcomeRecorded(actor=CASEWORKER, at=AT, outcome=Outcome.CONTINUE, notes="ok")
    followup.given(due, recorded).when(outcome).then_refused("followup_closed")
    followup.given(due).when(replace(outcome, notes=" ")).then_refused("notes_required")
    followup.given(due).when(replace(outcome, actor=FINANCE)).then_refused("forbidden_role")
    followup.given().when(outcome).then_refused("followup_not_found")
