"""Building blocks shared by the command handlers."""

from collections.abc import Iterable
from datetime import date, datetime

from scheduler.domain.errors import DomainError
from scheduler.domain.events import DeadlineCancelled, DeadlineScheduled
from scheduler.domain.kinds import DeadlineKind, DeadlineStatus
from scheduler.domain.model import Deadline, DeadlineSet, Refs, Subject, deadline_id
from scheduler.domain.planning import timing
from scheduler.domain.rules import Rules


def existing(state: DeadlineSet, subject: Subject) -> DeadlineSet:
    """The set a command acts on; refuses when nothing was ever scheduled for `subject`."""
    if state.is_new:
        raise DomainError("not_scheduled", f"nothing is scheduled for {subject.kind}")
    return state


def ensure_open(state: DeadlineSet) -> None:
    """Refuses new deadlines for a subject that was cancelled (withdrawn, ended)."""
    if state.closed:
        raise DomainError("subject_closed", f"the {state.subject.kind} was cancelled")


def scheduled(
    subject: Subject,
    kind: DeadlineKind,
    *,
    sequence: int,
    refs: Refs,
    anchor: date,
    due_date: date,
    rules: Rules,
    at: datetime,
    warn_days: int | None = None,
) -> DeadlineScheduled:
    return DeadlineScheduled(
        subject=subject,
        deadline_id=deadline_id(kind, subject, sequence),
        kind=kind,
        sequence=sequence,
        refs=refs,
        anchor=anchor,
        timing=timing(kind, due_date, rules, warn_days),
        at=at,
    )


def cancelled(deadlines: Iterable[Deadline], reason: str, at: datetime) -> list[DeadlineCancelled]:
    """Cancels those of `deadlines` not cancelled yet. A fully fired (overdue) deadline is
    cancelled too: the duty was met late, and it leaves the overdue list."""
    return [
        DeadlineCancelled(subject=d.subject, deadline_id=d.deadline_id, reason=reason, at=at)
        for d in deadlines
        if d.status is not DeadlineStatus.CANCELLED
    ]
