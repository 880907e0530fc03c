"""Fold follow-up events into the follow-up state."""

from dataclasses import replace

from authority.domain.followup.messages import (
    ContractAdjustmentRequested,
    FollowUpDue,
    FollowUpEvent,
    MeasureEndRequested,
    OutcomeRecorded,
    StatusReportAttached,
)
from authority.domain.followup.model import FollowUpState


def evolve(state: FollowUpState | None, event: FollowUpEvent) -> FollowUpState:
    if isinstance(event, FollowUpDue):
        return FollowUpState(
            followup_id=event.followup_id, contract_id=event.contract_id, due_on=event.due_on
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before FollowUpDue: the stream is corrupt")
    match event:
        case StatusReportAttached(report=report):
            return replace(state, report=report)  # a later report supersedes
        case OutcomeRecorded(outcome=outcome):
            return replace(state, outcome=outcome)
        case ContractAdjustmentRequested() | MeasureEndRequested():
            return state  # requests to other aggregates; nothing changes here
