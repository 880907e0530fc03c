"""Status reports: progress on every goal of the contract, exactly once each."""

from provider.domain.report.aggregate import decide, evolve
from provider.domain.report.model import (
    GoalStatus,
    Progress,
    StatusReport,
    StatusReportSubmitted,
    SubmitStatusReport,
)

__all__ = [
    "GoalStatus",
    "Progress",
    "StatusReport",
    "StatusReportSubmitted",
    "SubmitStatusReport",
    "decide",
    "evolve",
]
