"""Follow-up (opfølgning) of a contract: status report and outcome."""

from authority.domain.followup.decide import decide
from authority.domain.followup.evolve import evolve
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
from authority.domain.followup.model import (
    AdjustedTerms,
    FollowUpState,
    GoalProgress,
    Outcome,
    Progress,
    StatusReport,
)

__all__ = [
    "AdjustedTerms",
    "AttachStatusReport",
    "ContractAdjustmentRequested",
    "FollowUpCommand",
    "FollowUpDue",
    "FollowUpEvent",
    "FollowUpState",
    "GoalProgress",
    "MeasureEndRequested",
    "Outcome",
    "OutcomeRecorded",
    "Progress",
    "RecordFollowUpDue",
    "RecordOutcome",
    "StatusReport",
    "StatusReportAttached",
    "decide",
    "evolve",
]
