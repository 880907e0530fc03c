"""Fire what is due, a batch per transaction: claim due phases, record, publish, re-index.

One transaction per batch, a handful of statements whatever its size: the claim (``FOR
UPDATE SKIP LOCKED`` on the index rows, see ``FiringQueue``), one multi-row append of the
``DeadlineFired`` events to their subjects' streams, one outbox insert of the
``DeadlineReached`` records, one index update. The aggregates are not loaded: a pending,
locked index row is exactly a phase the aggregate would fire (``app.due``), and the event
goes to the end of the subject's stream, where a concurrent writer of the same stream is
caught by its unique revision (``eventkit.bulk``).

Several instances can run this at once: a phase fires only in the transaction that holds its
row lock, and its row is done when that commits. Records leave through the outbox, so
nothing is published unless the batch commits, and the id of a ``DeadlineReached`` derives
from (deadline, phase): a re-send after a crash is deduplicated downstream.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from uuid import UUID, uuid4

import prometheus_client as prom
import structlog
from eventkit import ConcurrencyError, OutboxMessage, Store, Transaction, TransactionAborted
from servicekit.acting import Acting, SystemActor
from servicekit.publishing import Publisher

from scheduler.app.deadlines import STREAMS, stream_id
from scheduler.app.due import fired, reached, reached_event_id
from scheduler.app.ending import Ending
from scheduler.app.ports import Clock, DuePhase, FiringQueue
from scheduler.domain import DeadlinePhase

log = structlog.get_logger(__name__)
FIRED = prom.Counter("scheduler_deadlines_fired_total", "Deadline phases fired", ["kind", "phase"])
FIRE_LAG = prom.Histogram(
    "scheduler_fire_lag_seconds",
    "Time from a phase's scheduled moment to its firing",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 30, 300, 3600, 86400),
)
SCHEDULER = SystemActor("scheduler")
Key = tuple[UUID, DeadlinePhase]  # a deadline's phase


class Firing:
    def __init__(
        self,
        store: Store,
        queue: FiringQueue,
        clock: Clock,
        publisher: Publisher,
        batch_size: int = 500,
        ending: Ending | None = None,
    ) -> None:
        self.store, self.queue = store, queue
        self.clock, self.publisher, self.batch_size = clock, publisher, batch_size
        self.ending = ending  # closes the set of a contract that ended under notice

    async def fire_due(self) -> int:
        """One batch; returns how many phases fired (0 when nothing was due)."""
        now = self.clock.now()
        metadata = Acting(SCHEDULER, now).metadata()
        try:
            async with self.store.unit_of_work() as tx:
                due = await self.queue.claim(tx, now, self.batch_size)
                if not due:
                    return 0
                revisions = await self._record(tx, due, now, metadata)
                await self.queue.mark_fired(tx, due)
                await tx.enqueue(self._messages(due, revisions, now))
        except ConcurrencyError:
            # A stream kept moving under concurrent writers; the next batch sees them.
            log.info("fire_batch_retried", reason="concurrency")
            return 0
        except TransactionAborted:
            # An intake transaction on one of these subjects waited for our row locks while
            # we waited for its stream append; PostgreSQL picked us. Nothing was committed.
            log.info("fire_batch_retried", reason="deadlock")
            return 0
        _observe(due, now)
        if self.ending is not None:
            await self.ending.close_ended(due, now)
        return len(due)

    async def _record(
        self,
        tx: Transaction,
        due: Sequence[DuePhase],
        now: datetime,
        metadata: Mapping[str, str],
    ) -> dict[Key, int]:
        """Appends each ``DeadlineFired``; the stream revision each one got."""
        by_stream: dict[str, list[DuePhase]] = defaultdict(list)
        for phase in due:
            by_stream[stream_id(phase.subject)].append(phase)
        to_new = STREAMS.codec.to_new
        ends = await tx.append_to_streams(
            {s: [to_new(fired(p, now), metadata) for p in ps] for s, ps in by_stream.items()}
        )
        return {
            (p.deadline_id, p.phase): ends[stream] - len(ps) + n
            for stream, ps in by_stream.items()
            for n, p in enumerate(ps, start=1)
        }

    def _messages(
        self, due: Sequence[DuePhase], revisions: Mapping[Key, int], now: datetime
    ) -> list[OutboxMessage]:
        return [
            self.publisher.message(
                reached(p, now),
                subject=str(p.subject.id),
                revision=revisions[p.deadline_id, p.phase],
                correlation_id=uuid4(),
                occurred_at=now,
                event_id=reached_event_id(p.deadline_id, p.phase),
            )
            for p in due
        ]


def _observe(due: Sequence[DuePhase], now: datetime) -> None:
    for (kind, phase), count in Counter((p.kind.value, p.phase.value) for p in due).items():
        FIRED.labels(kind, phase).inc(count)
    for p in due:
        FIRE_LAG.observe(max(0.0, (now - p.fire_at).total_seconds()))
