"""`evolve`: fold one event into the state. Total and pure; never refuses."""

from dataclasses import replace

from scheduler.domain.events import (
    CadenceSet,
    DeadlineCancelled,
    DeadlineFired,
    DeadlineRescheduled,
    DeadlineScheduled,
    Event,
    FollowUpSeriesPaused,
    SubjectClosed,
)
from scheduler.domain.kinds import PHASE_ORDER, DeadlineKind, DeadlineStatus
from scheduler.domain.model import Cadence, Deadline, DeadlineSet


# One arm per event type, checked exhaustive by mypy.
def evolve(current: DeadlineSet, event: Event) -> DeadlineSet:  # noqa: PLR0911
    match event:
        case DeadlineScheduled():
            resumed = None if event.kind is DeadlineKind.FOLLOW_UP_DUE else current.paused
            return replace(current.with_deadline(_new_deadline(event)), paused=resumed)
        case DeadlineRescheduled():
            old = _existing(current, event)
            return current.with_deadline(replace(old, timing=event.timing))
        case DeadlineCancelled():
            old = _existing(current, event)
            return current.with_deadline(replace(old, status=DeadlineStatus.CANCELLED))
        case DeadlineFired():
            old = _existing(current, event)
            done = event.phase is PHASE_ORDER[-1]
            status = DeadlineStatus.FIRED if done else old.status
            return current.with_deadline(replace(old, last_phase=event.phase, status=status))
        case CadenceSet():
            return replace(current, cadence=Cadence(event.months, event.justification))
        case FollowUpSeriesPaused():
            return replace(current, paused=(event.anchor, event.sequence))
        case SubjectClosed():
            return replace(current, closed=True)


def _new_deadline(event: DeadlineScheduled) -> Deadline:
    return Deadline(
        deadline_id=event.deadline_id,
        kind=event.kind,
        subject=event.subject,
        refs=event.refs,
        sequence=event.sequence,
        anchor=event.anchor,
        timing=event.timing,
    )


def _existing(
    state: DeadlineSet, event: DeadlineRescheduled | DeadlineCancelled | DeadlineFired
) -> Deadline:
    found = state.find(event.deadline_id)
    if found is None:  # only a corrupt stream gets here: decide never emits such an event
        raise LookupError(f"no deadline {event.deadline_id} in {event.subject.key}")
    return found
