"""Deadlines a person works against by the hour are announced when set, not only when they
fire: the authority shows "assess by 14:05 tomorrow" on a notification of concern from the
moment it arrives. The others are seen in the scheduler's lists (``/deadlines/upcoming``)."""

from __future__ import annotations

from uuid import NAMESPACE_URL, uuid5

from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlineScheduled as WireScheduled
from servicekit.handler import Change, Stable

from scheduler.domain import DeadlineKind, DeadlineScheduled, DeadlineSet, Event

ANNOUNCED = frozenset(
    {DeadlineKind.NOTIFICATION_ASSESSMENT_DUE, DeadlineKind.NOTIFICATION_RECEIPT_DUE}
)


def announcements(change: Change[Event, DeadlineSet]) -> list[Stable]:
    """One ``DeadlineScheduled`` per announced deadline the change set, under an id of the
    deadline's own: the same deadline is announced under the same id, whatever re-runs it."""
    return [
        Stable(
            WireScheduled(
                deadline_id=event.deadline_id,
                kind=WireKind(event.kind.value),
                subject=str(event.subject.id),
                case_id=event.refs.case_id,
                due_at=event.timing.due_at,
                warn_at=event.timing.warn_at,
            ),
            uuid5(NAMESPACE_URL, f"urn:samspil:deadline:{event.deadline_id}:set"),
        )
        for event in change.events
        if isinstance(event, DeadlineScheduled) and event.kind in ANNOUNCED
    ]
