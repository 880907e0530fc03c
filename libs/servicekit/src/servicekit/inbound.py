"""From a Kafka record to exactly one effect: decode, dead-letter, deduplicate, handle.

* A record that cannot be decoded (unknown type, bad schema, missing headers, too big) goes
  to ``<topic>.dlq`` with the reason, and the consumer moves on: a poison message never
  blocks a partition.
* A decoded event is handled inside one database transaction together with its inbox row,
  so a redelivered event (relay retry, consumer restart, rebalance) has no second effect.
  The records of one fetch share that transaction (their inbox rows in one statement, then
  each effect in order), so a busy consumer pays one BEGIN/COMMIT, one inbox statement and
  one offset commit per batch, not per record.
* Any other failure propagates: the subscriber does not commit the offset and Kafka
  redelivers it after a pause, so nothing already accepted is lost.

Each record is handled inside a consumer span whose parent is the record's ``traceparent``,
with its correlation and causation ids bound to every log line written meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import structlog
from eventkit import EventStore, Inbound, UnitOfWork
from opentelemetry import trace
from samspil_contracts import Envelope, IntegrationEvent

from servicekit.inbound_records import DeadLetterSink, Decoded, decode_record
from servicekit.metrics import INBOUND_RECORDS

log = structlog.get_logger(__name__)

Handler = Callable[[UnitOfWork, Envelope, Any], Awaitable[None]]


@dataclass(frozen=True)
class Outcome:
    status: str  # handled | duplicate | ignored | dead_lettered
    event_id: str | None = None


class InboundPipeline:
    """One per consumer group: the handlers by event class, and where poison goes."""

    def __init__(
        self,
        consumer: str,
        store: EventStore,
        dead_letters: DeadLetterSink,
        handlers: Mapping[type[IntegrationEvent], Handler],
    ) -> None:
        self.consumer, self.store, self.dead_letters = consumer, store, dead_letters
        self.handlers = dict(handlers)

    async def __call__(self, record: Inbound) -> Outcome:
        (outcome,) = await self.handle([record])
        return outcome

    async def handle(self, records: Sequence[Inbound]) -> list[Outcome]:
        """Dead-letter what does not decode, then handle the rest in their order in one
        transaction (one BEGIN/COMMIT and one inbox statement for a whole fetch). If that
        fails, each gets a transaction of its own, so the good ones commit, and the first
        failure is raised (Kafka redelivers the batch; the inbox drops what committed)."""
        outcomes: dict[int, Outcome] = {}
        decoded: list[Decoded] = []
        for n, record in enumerate(records):
            item = await decode_record(n, record, self.dead_letters)
            if item is None:
                outcomes[n] = Outcome("dead_lettered")
            else:
                decoded.append(item)
        try:
            outcomes |= await self._in_one_transaction(decoded) if decoded else {}
        finally:
            for item in decoded:
                item.span.end()
        for n, record in enumerate(records):
            INBOUND_RECORDS.labels(self.consumer, record.topic, outcomes[n].status).inc()
        return [outcomes[n] for n in range(len(records))]

    async def _in_one_transaction(self, decoded: list[Decoded]) -> dict[int, Outcome]:
        try:
            async with self.store.unit_of_work() as uow:
                return await self._apply_all(decoded, uow)
        except Exception:
            if len(decoded) <= 1:
                raise
            log.warning("inbound_batch_one_by_one", records=len(decoded))
            return await self._one_by_one(decoded)

    async def _one_by_one(self, decoded: list[Decoded]) -> dict[int, Outcome]:
        """After a failed batch: each record alone; a failure stops its partition's later
        records (their order must hold), not the other partitions'."""
        outcomes: dict[int, Outcome] = {}
        stopped: set[tuple[str, int]] = set()
        error: Exception | None = None
        for item in decoded:
            where = (item.record.topic, item.record.partition)
            if where in stopped:
                continue
            try:
                async with self.store.unit_of_work() as uow:
                    outcomes |= await self._apply_all([item], uow)
            except Exception as exc:
                stopped.add(where)
                error = error or exc
        if error is not None:
            raise error
        return outcomes

    async def _apply_all(self, decoded: list[Decoded], uow: UnitOfWork) -> dict[int, Outcome]:
        """Inbox rows of every handled event in one statement, then each effect in order."""
        wanted = {d.envelope.event_id for d in decoded if type(d.event) in self.handlers}
        earlier = await uow.seen_many(self.consumer, list(wanted)) if wanted else set()
        outcomes: dict[int, Outcome] = {}
        for item in decoded:
            env = item.envelope
            # The record's span and ids for every log line and reply while it is handled.
            with (
                trace.use_span(item.span, end_on_exit=False),
                structlog.contextvars.bound_contextvars(
                    correlation_id=str(env.correlation_id), causation_id=str(env.event_id)
                ),
            ):
                outcome = await self._apply(env, item.event, uow, earlier)
                item.span.set_attribute("samspil.outcome", outcome.status)
            outcomes[item.n] = outcome
        return outcomes

    async def _apply(
        self, envelope: Envelope, event: IntegrationEvent, uow: UnitOfWork, earlier: set[UUID]
    ) -> Outcome:
        handler, event_id = self.handlers.get(type(event)), envelope.event_id
        if handler is None:
            return Outcome("ignored", str(event_id))
        if event_id in earlier:
            log.info("duplicate", type=envelope.type, event_id=str(event_id))
            return Outcome("duplicate", str(event_id))
        earlier.add(event_id)  # a second copy in this same batch is a duplicate too
        await handler(uow, envelope, event)
        # Debug only: a JSON line per record at INFO costs more CPU than some handlers.
        log.debug("handled", type=envelope.type, event_id=str(event_id))
        return Outcome("handled", str(event_id))
