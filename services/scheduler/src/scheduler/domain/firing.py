"""Firing phases, and what is due to fire at a given moment."""

from datetime import datetime

from scheduler.domain.commands import Fire
from scheduler.domain.decisions import existing
from scheduler.domain.errors import DomainError
from scheduler.domain.events import DeadlineFired, Event
from scheduler.domain.kinds import DeadlinePhase, DeadlineStatus
from scheduler.domain.model import Deadline, DeadlineSet


def fire(cmd: Fire, state: DeadlineSet) -> list[Event]:
    deadline = existing(state, cmd.subject).find(cmd.deadline_id)
    if deadline is None:
        raise DomainError("unknown_deadline", f"no deadline {cmd.deadline_id}")
    if deadline.status is DeadlineStatus.CANCELLED:
        raise DomainError("deadline_cancelled", "a cancelled deadline does not fire")
    phase_at = deadline.timing.at(cmd.phase)
    if phase_at is None:
        raise DomainError("phase_not_scheduled", f"this deadline has no {cmd.phase} phase")
    if cmd.phase not in deadline.unfired_phases():
        return []  # fired already (or a later phase did): firing is idempotent
    if phase_at > cmd.at:
        raise DomainError("not_yet_due", f"the {cmd.phase} phase is at {phase_at.isoformat()}")
    return [
        DeadlineFired(
            subject=cmd.subject,
            deadline_id=deadline.deadline_id,
            phase=cmd.phase,
            due_at=deadline.due_at,
            fired_at=cmd.at,
        )
    ]


def due_occurrences(state: DeadlineSet, now: datetime) -> list[tuple[Deadline, DeadlinePhase]]:
    """What should fire at `now`, earliest due first.

    Catch-up: when several phases of a deadline have passed unfired (the scheduler was down),
    only the latest fires, once; an overdue deadline is not warned about first. The fired
    event still carries the deadline's original `due_at`.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    found: list[tuple[Deadline, DeadlinePhase]] = []
    for deadline in state.pending():
        reached = [p for p in deadline.unfired_phases() if _phase_at(deadline, p) <= now]
        if reached:
            found.append((deadline, reached[-1]))
    return sorted(found, key=lambda pair: pair[0].due_at)


def _phase_at(deadline: Deadline, phase: DeadlinePhase) -> datetime:
    at = deadline.timing.at(phase)
    assert at is not None  # unfired_phases() yields only scheduled phases
    return at
