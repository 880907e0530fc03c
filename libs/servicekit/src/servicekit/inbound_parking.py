"""What becomes of each record of a batch: its outcome, and the dead letters that are due.

A refused record is parked (dead-lettered) only if nothing before it in its partition is
still open; otherwise it waits for the redelivery with the rest of its partition. Parking
enqueues the dead letter in the service's outbox together with an inbox mark of the record
(``eventkit.parked_id``), so a redelivered record is never parked twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from eventkit import EventStore, parked_id
from opentelemetry import trace

from servicekit.inbound_records import DeadLetterSink, Decoded, Refused
from servicekit.retries import Attempts

log = structlog.get_logger(__name__)
OPEN = frozenset({"failed", "waiting"})  # read again: the partition's commit stops before it


@dataclass(frozen=True)
class Outcome:
    status: str  # handled | duplicate | ignored | dead_lettered | failed | waiting
    event_id: str | None = None

    @property
    def done(self) -> bool:
        return self.status not in OPEN


@dataclass
class Parking:
    consumer: str
    store: EventStore
    dead_letters: DeadLetterSink
    attempts: Attempts

    async def settle(
        self, items: list[Decoded | Refused], outcomes: dict[int, Outcome | Refused]
    ) -> list[Outcome]:
        """Dead-letter the refused records that come before anything still open in their
        partition; the rest of them wait for the redelivery."""
        final: list[Outcome] = []
        stopped: set[tuple[str, int]] = set()
        for item in items:
            where, outcome = (item.record.topic, item.record.partition), outcomes[item.n]
            if isinstance(outcome, Refused):
                outcome = Outcome("waiting") if where in stopped else await self._park(outcome)
            if not outcome.done:
                stopped.add(where)
            else:
                self.attempts.forget(item.record)
            item.span.set_attribute("samspil.outcome", outcome.status)
            final.append(outcome)
        return final

    async def _park(self, refused: Refused) -> Outcome:
        """The dead letter and the record's inbox mark in one transaction: a redelivery
        (the offset was not committed yet) finds the mark and parks nothing twice."""
        record = refused.record
        where = {"topic": record.topic, "partition": record.partition, "offset": record.offset}
        try:
            with trace.use_span(refused.span, end_on_exit=False):
                async with self.store.unit_of_work() as uow:
                    if not await uow.seen(self.consumer, parked_id(record)):
                        await self.dead_letters.park(uow, record, refused.reason)
        except Exception:
            log.warning("dead_letter_failed", **where)  # the database: read it again later
            return Outcome("failed")
        log.warning("dead_lettered", why=refused.reason, **where)
        return Outcome("dead_lettered")
