"""Settling deadlines: a met duty resolves them, a gone subject cancels and closes the set."""

from scheduler.domain.commands import Cancel, Resolve
from scheduler.domain.decisions import cancelled, existing
from scheduler.domain.errors import DomainError
from scheduler.domain.events import Event, SubjectClosed
from scheduler.domain.model import DeadlineSet


def resolve(cmd: Resolve, state: DeadlineSet) -> list[Event]:
    current = existing(state, cmd.subject)
    if not current.of_kind(cmd.kind):
        raise DomainError("not_scheduled", f"no {cmd.kind} deadline to resolve")
    return list(cancelled(current.open(cmd.kind), cmd.reason, cmd.at))


def cancel(cmd: Cancel, state: DeadlineSet) -> list[Event]:
    """Closes the subject even if nothing was scheduled yet, so a late signal cannot revive it."""
    if state.closed:
        return []
    return [
        *cancelled(state.open(), cmd.reason, cmd.at),
        SubjectClosed(subject=cmd.subject, reason=cmd.reason, at=cmd.at),
    ]
