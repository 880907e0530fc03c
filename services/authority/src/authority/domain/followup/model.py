"""Follow-up (opfølgning) of a contract: the status report and the authority's outcome."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

from authority.domain.vocabulary import Goal


class Progress(StrEnum):
    """Progress against one goal, worst to best (values are the wire values of the contracts)."""

    WORSE = "regressed"
    UNCHANGED = "no_progress"
    SOME_PROGRESS = "some_progress"
    CLEAR_PROGRESS = "good_progress"
    GOAL_REACHED = "goal_reached"


@dataclass(frozen=True, slots=True)
class GoalProgress:
    goal_id: UUID
    progress: Progress


@dataclass(frozen=True, slots=True)
class StatusReport:
    """The provider's written status before the follow-up meeting (statusrapport)."""

    goals: tuple[GoalProgress, ...]
    text: str  # the provider's narrative, sealed as it was sent
    report_id: UUID | None = None  # what the seal is bound to; not kept by older reports


class Outcome(StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"  # new goals, scope or frequency: becomes a contract amendment
    END = "end"  # ophør: the order and contract end, with a final settlement


@dataclass(frozen=True, slots=True)
class AdjustedTerms:
    goals: tuple[Goal, ...]
    scope: str
    frequency: str


@dataclass(frozen=True, slots=True)
class FollowUpState:
    followup_id: UUID
    contract_id: UUID
    due_on: date
    report: StatusReport | None = None
    outcome: Outcome | None = None

    @property
    def closed(self) -> bool:
        return self.outcome is not None
