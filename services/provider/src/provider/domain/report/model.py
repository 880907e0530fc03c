"""Status reports (statusrapport) before a follow-up: progress against every contract goal."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from provider.domain.common import Command, Event
from provider.domain.contract.model import ContractFacts


class Progress(StrEnum):
    """The fixed scale, worst to best."""

    WORSE = "worse"
    UNCHANGED = "unchanged"
    SOME_PROGRESS = "some_progress"
    CLEAR_PROGRESS = "clear_progress"
    GOAL_REACHED = "goal_reached"


@dataclass(frozen=True, slots=True)
class GoalStatus:
    goal_id: UUID
    progress: Progress
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmitStatusReport(Command):
    report_id: UUID
    contract: ContractFacts
    followup_ref: str  # the follow-up (opfølgning) the report prepares
    per_goal: tuple[GoalStatus, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReportSubmitted(Event):
    report_id: UUID
    contract_id: UUID
    followup_ref: str
    per_goal: tuple[GoalStatus, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReport:
    tenant_id: UUID
    report_id: UUID
    contract_id: UUID
    followup_ref: str
    per_goal: tuple[GoalStatus, ...]
