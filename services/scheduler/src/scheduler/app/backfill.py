"""Announce the deadlines already open (``python -m scheduler announce-open``): deadlines set
before the scheduler announced every kind reach the authority's list without waiting for
their next phase to fire. Run once after the upgrade; running it again is harmless, each
deadline goes out under the id of its first announcement (``announce``), which consumers'
inboxes drop when they have seen it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from uuid import UUID, uuid4

from eventkit import OutboxMessage, Store
from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlineScheduled as WireScheduled
from servicekit.publishing import Publisher

from scheduler.app.announce import event_id
from scheduler.app.phases import PhaseRow
from scheduler.app.queries import DeadlineQueries, PhaseFilter

ALL = 10_000_000  # every phase row: a municipality's index holds far fewer


def open_announcements(rows: Iterable[PhaseRow]) -> list[tuple[PhaseRow, WireScheduled]]:
    """One ``DeadlineScheduled`` per deadline neither met nor cancelled, with the row it
    came from (its subject is the record's key)."""
    by_deadline: dict[UUID, list[PhaseRow]] = defaultdict(list)
    for row in rows:
        by_deadline[row.deadline_id].append(row)
    found = []
    for phases in by_deadline.values():
        if any(r.status == "cancelled" for r in phases):
            continue
        first = phases[0]
        warn = next((r.fire_at for r in phases if r.phase == "warning"), None)
        event = WireScheduled(
            deadline_id=first.deadline_id,
            kind=WireKind(first.kind),
            subject=str(first.subject_id),
            case_id=first.case_id,
            order_id=first.order_id,
            contract_id=first.contract_id,
            provider_id=first.provider_id,
            due_at=_aware(first.due_at),
            warn_at=None if warn is None else _aware(warn),
        )
        found.append((first, event))
    return found


def _aware(moment: datetime) -> datetime:
    """The index stores UTC; SQLite hands it back without its offset."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def announce_open(
    store: Store, queries: DeadlineQueries, publisher: Publisher, now: datetime
) -> int:
    """Enqueues the announcements in one transaction; how many."""
    found = open_announcements(await queries.phases(PhaseFilter(), ALL))
    messages: Sequence[OutboxMessage] = [
        publisher.message(
            event,
            subject=str(row.subject_id),
            revision=0,  # not a change of the subject's stream: a copy of what it holds
            correlation_id=uuid4(),
            occurred_at=now,
            event_id=event_id(row.deadline_id, "set"),
        )
        for row, event in found
    ]
    async with store.unit_of_work() as tx:
        await tx.enqueue(messages)
    return len(messages)
