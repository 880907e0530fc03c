"""Deadlines a person works against by the hour are announced when set, not only when they
fire: the authority shows "assess by 14:05 tomorrow" on a notification of concern from the
moment it arrives. The others are seen in the scheduler's lists (``/deadlines/upcoming``)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import NAMESPACE_URL, uuid5

from eventkit import OutboxMessage
from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlineScheduled as WireScheduled
from samspil_contracts import Envelope
from servicekit.publishing import Publisher

from scheduler.domain import DeadlineKind, DeadlineScheduled, Event

ANNOUNCED = frozenset(
    {DeadlineKind.NOTIFICATION_ASSESSMENT_DUE, DeadlineKind.NOTIFICATION_RECEIPT_DUE}
)


def announcements(
    publisher: Publisher, events: Sequence[Event], revision: int, cause: Envelope
) -> list[OutboxMessage]:
    """One ``DeadlineScheduled`` per announced deadline just set (in reply to ``cause``)."""
    found = []
    for event in events:
        if not isinstance(event, DeadlineScheduled) or event.kind not in ANNOUNCED:
            continue
        wire = WireScheduled(
            deadline_id=event.deadline_id,
            kind=WireKind(event.kind.value),
            subject=str(event.subject.id),
            case_id=event.refs.case_id,
            due_at=event.timing.due_at,
            warn_at=event.timing.warn_at,
        )
        found.append(
            publisher.message(
                wire,
                subject=str(event.subject.id),
                revision=revision,
                correlation_id=cause.correlation_id,
                causation_id=cause.event_id,
                occurred_at=event.at,
                # The same deadline is announced under the same id, whatever re-runs it.
                event_id=uuid5(NAMESPACE_URL, f"urn:samspil:deadline:{event.deadline_id}:set"),
            )
        )
    return found
