"""Events: past tense, frozen; `evolve` rebuilds a `DeadlineSet` from them alone."""

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from scheduler.domain.kinds import DeadlineKind, DeadlinePhase
from scheduler.domain.model import Refs, Subject, Timing


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineScheduled:
    subject: Subject
    deadline_id: UUID
    kind: DeadlineKind
    sequence: int
    refs: Refs
    anchor: date
    timing: Timing
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineRescheduled:
    """New phase times for a pending deadline. Phases already fired stay fired (no second
    warning); the others fire at their new times."""

    subject: Subject
    deadline_id: UUID
    timing: Timing
    reason: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineCancelled:
    subject: Subject
    deadline_id: UUID
    reason: str  # e.g. follow_up_held, answer_received, order withdrawn
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineFired:
    subject: Subject
    deadline_id: UUID
    phase: DeadlinePhase
    due_at: datetime  # the original due time, also when fired late in a catch-up
    fired_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CadenceSet:
    subject: Subject
    months: int
    justification: str
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUpSeriesPaused:
    """Follow-up `sequence`, counted from `anchor`, would fall after the contract ends."""

    subject: Subject
    anchor: date
    sequence: int
    at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectClosed:
    subject: Subject
    reason: str
    at: datetime


Event = (
    DeadlineScheduled
    | DeadlineRescheduled
    | DeadlineCancelled
    | DeadlineFired
    | CadenceSet
    | FollowUpSeriesPaused
    | SubjectClosed
)
