"""Every deadline the scheduler sets, moves, meets or cancels is announced, so the party who
must meet it keeps its own list (the authority's My work and case page) from the log alone:
``DeadlineScheduled`` when set or moved, ``DeadlineClosed`` when met or cancelled, and
``DeadlineReached`` (``app.due``) when a phase fires."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from samspil_contracts import DeadlineClosed as WireClosed
from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlineOutcome
from samspil_contracts import DeadlineScheduled as WireScheduled
from servicekit.handler import Change, Stable

from scheduler.domain import (
    Deadline,
    DeadlineCancelled,
    DeadlineRescheduled,
    DeadlineScheduled,
    DeadlineSet,
    Event,
)

# Why a deadline was cancelled, when the reason is that its duty was done (``Resolve`` and
# the follow-up and order answers); any other reason means it no longer applies.
MET_REASONS = frozenset(
    {
        "follow_up_held",
        "answer_received",
        "concluded",
        "settled",
        "status report received",
        "action plan adopted",
        "assessed",
        "receipt sent",
        "change request answered",
        "start meeting held",  # the family coordinator's (seed 002)
        "coordination meeting held",
        "contacted",
    }
)


def announcements(change: Change[Event, DeadlineSet]) -> list[Stable]:
    """The integration events of ``change``, each under an id of its own fact: the same
    deadline set, moved to the same time, or closed is announced under the same id,
    whatever re-runs it."""
    found: list[Stable] = []
    for event in change.events:
        match event:
            case DeadlineScheduled():
                found.append(_scheduled(_deadline(change.state, event.deadline_id), "set"))
            case DeadlineRescheduled():
                deadline = _deadline(change.state, event.deadline_id)
                found.append(_scheduled(deadline, f"moved:{event.timing.due_at.isoformat()}"))
            case DeadlineCancelled():
                found.append(_closed(_deadline(change.state, event.deadline_id), event))
            case _:
                pass
    return found


def _deadline(state: DeadlineSet, id_: UUID) -> Deadline:
    found = state.find(id_)
    if found is None:  # evolve put it there: only a corrupt stream gets here
        raise LookupError(f"no deadline {id_} in {state.subject.key}")
    return found


def _scheduled(deadline: Deadline, fact: str) -> Stable:
    refs = deadline.refs
    return Stable(
        WireScheduled(
            deadline_id=deadline.deadline_id,
            kind=WireKind(deadline.kind.value),
            subject=str(deadline.subject.id),
            case_id=refs.case_id,
            order_id=refs.order_id,
            contract_id=refs.contract_id,
            provider_id=refs.provider_id,
            due_at=deadline.timing.due_at,
            warn_at=deadline.timing.warn_at,
        ),
        event_id(deadline.deadline_id, fact),
    )


def _closed(deadline: Deadline, event: DeadlineCancelled) -> Stable:
    met = event.reason in MET_REASONS
    return Stable(
        WireClosed(
            deadline_id=deadline.deadline_id,
            kind=WireKind(deadline.kind.value),
            subject=str(deadline.subject.id),
            case_id=deadline.refs.case_id,
            outcome=DeadlineOutcome.MET if met else DeadlineOutcome.CANCELLED,
            reason=event.reason,
            closed_at=event.at,
        ),
        event_id(deadline.deadline_id, "closed"),
    )


def event_id(deadline_id: UUID, fact: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"urn:samspil:deadline:{deadline_id}:{fact}")
