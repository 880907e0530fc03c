"""Decide what a command on a follow-up means, or refuse it."""

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.errors import DomainError, require, require_some, require_text
from authority.domain.followup.messages import (
    AttachStatusReport,
    ContractAdjustmentRequested,
    FollowUpCommand,
    FollowUpDue,
    FollowUpEvent,
    MeasureEndRequested,
    OutcomeRecorded,
    RecordFollowUpDue,
    RecordOutcome,
    StatusReportAttached,
)
from authority.domain.followup.model import FollowUpState, Outcome, StatusReport
from authority.domain.vocabulary import require_goals


def decide(command: FollowUpCommand, state: FollowUpState | None) -> list[FollowUpEvent]:
    if isinstance(command, RecordFollowUpDue):
        require(state is None, "followup_exists", "this follow-up is already recorded")
        return [
            FollowUpDue(
                **stamp(command),
                followup_id=command.followup_id,
                contract_id=command.contract_id,
                due_on=command.due_on,
            )
        ]
    followup = _open(state)
    match command:
        case AttachStatusReport(report=report):
            _check_report(report)
            return [StatusReportAttached(**stamp(command), report=report)]
        case RecordOutcome():
            return _outcome(command, followup)


def _open(state: FollowUpState | None) -> FollowUpState:
    if state is None:
        raise DomainError("followup_not_found", "the follow-up does not exist")
    require(not state.closed, "followup_closed", "the follow-up's outcome is already recorded")
    return state


def _check_report(report: StatusReport) -> None:
    require_some(report.goals, "goal_progress")
    require_text(report.text, "report_text")


def _outcome(command: RecordOutcome, followup: FollowUpState) -> list[FollowUpEvent]:
    require_role(command, CASEWORK)
    notes = require_text(command.notes, "notes")
    is_adjust = command.outcome is Outcome.ADJUST
    require(
        is_adjust == (command.new_terms is not None),
        "new_terms_required" if is_adjust else "new_terms_not_allowed",
        "new terms are given exactly when the outcome is to adjust",
    )
    recorded = OutcomeRecorded(**stamp(command), outcome=command.outcome, notes=notes)
    match command.outcome:
        case Outcome.ADJUST if command.new_terms is not None:
            terms = command.new_terms
            require_goals(terms.goals)
            require_text(terms.scope, "scope")
            require_text(terms.frequency, "frequency")
            adjust = ContractAdjustmentRequested(
                **stamp(command), contract_id=followup.contract_id, new_terms=terms
            )
            return [recorded, adjust]
        case Outcome.END:
            return [
                recorded,
                MeasureEndRequested(**stamp(command), contract_id=followup.contract_id),
            ]
        case _:
            return [recorded]
