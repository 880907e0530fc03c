"""Fire what is due: claim subjects with due phases, fire each once, publish, re-index.

Several scheduler instances can run this at once: ``claim_due`` locks the index rows it
takes (``FOR UPDATE SKIP LOCKED``), the aggregate refuses to fire a phase twice, and the
event id of a ``DeadlineReached`` is derived from (deadline, phase), so even a re-fire after
a crash between commit and publish is deduplicated downstream.
"""

from __future__ import annotations

from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import structlog
from eventkit import ConcurrencyError, EventStore, UnitOfWork
from prometheus_client import Counter, Histogram
from samspil_contracts import DeadlineKind as WireKind
from samspil_contracts import DeadlinePhase as WirePhase
from samspil_contracts import DeadlineReached
from servicekit.publishing import Publisher

from scheduler.app.deadlines import Deadlines
from scheduler.app.ports import Clock, DeadlineIndex
from scheduler.domain import Deadline, DeadlineFired, DeadlinePhase, DeadlineSet

log = structlog.get_logger(__name__)
FIRED = Counter("scheduler_deadlines_fired_total", "Deadline phases fired", ["kind", "phase"])
FIRE_LAG = Histogram(
    "scheduler_fire_lag_seconds",
    "Time from a phase's scheduled moment to its firing",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 30, 300, 3600, 86400),
)


def reached_event_id(deadline_id: UUID, phase: DeadlinePhase) -> UUID:
    """The same deadline phase always publishes under the same event id."""
    return uuid5(NAMESPACE_URL, f"urn:samspil:deadline:{deadline_id}:{phase}")


class Firing:
    def __init__(
        self,
        store: EventStore,
        deadlines: Deadlines,
        index: DeadlineIndex,
        clock: Clock,
        publisher: Publisher,
        batch_size: int = 200,
    ) -> None:
        self.store, self.deadlines, self.index = store, deadlines, index
        self.clock, self.publisher, self.batch_size = clock, publisher, batch_size

    async def fire_due(self) -> int:
        """One batch; returns how many phases fired (0 when nothing was due)."""
        now = self.clock.now()
        metadata = {"actor": "scheduler", "occurred_at": now.isoformat()}
        try:
            async with self.store.unit_of_work() as uow:
                subjects = await self.index.claim_due(uow.connection, now, self.batch_size)
                fired = 0
                for subject in subjects:
                    events, loaded = await self.deadlines.fire_due(uow, subject, now, metadata)
                    for event in events:
                        if isinstance(event, DeadlineFired) and loaded.state is not None:
                            await self._publish(uow, loaded.state, event, loaded.revision)
                            fired += 1
                return fired
        except ConcurrencyError:
            # Another instance or a consumer moved one of these subjects; the next batch
            # sees the new state.
            log.info("fire_batch_retried")
            return 0

    async def _publish(
        self, uow: UnitOfWork, state: DeadlineSet, event: DeadlineFired, revision: int
    ) -> None:
        deadline = state.find(event.deadline_id)
        assert deadline is not None
        await self.publisher.publish(
            uow,
            _reached(deadline, event.phase, event.fired_at),
            subject=str(deadline.subject.id),
            revision=revision,
            correlation_id=uuid4(),
            occurred_at=event.fired_at,
            event_id=reached_event_id(deadline.deadline_id, event.phase),
        )
        scheduled = deadline.timing.at(event.phase) or event.fired_at
        FIRED.labels(deadline.kind.value, event.phase.value).inc()
        FIRE_LAG.observe(max(0.0, (event.fired_at - scheduled).total_seconds()))


def _reached(deadline: Deadline, phase: DeadlinePhase, now: datetime) -> DeadlineReached:
    refs = deadline.refs
    return DeadlineReached(
        deadline_id=deadline.deadline_id,
        kind=WireKind(deadline.kind.value),
        phase=WirePhase(phase.value),
        subject=str(deadline.subject.id),
        case_id=refs.case_id,
        order_id=refs.order_id,
        contract_id=refs.contract_id,
        provider_id=refs.provider_id,
        due_at=deadline.due_at,
        fired_at=now,
    )
