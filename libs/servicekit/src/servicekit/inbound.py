"""From a Kafka record to exactly one effect: decode, deduplicate, handle, or dead-letter.

* A decoded event is handled inside one database transaction together with its inbox row,
  so a redelivered event (relay retry, consumer restart, rebalance) has no second effect.
  The records of one fetch share that transaction (their inbox rows in one statement, then
  each effect in order): one BEGIN/COMMIT and one inbox statement per batch.
* If that transaction fails, each record gets one of its own. A record whose handler fails
  stops its partition there (order per key must hold); the other partitions go on.
  A transient failure (database or broker down) waits and is retried as long as it lasts;
  one that comes back every time is dead-lettered after ``RetryPolicy.max_attempts``.
* A record that cannot be decoded (unknown type, bad schema, missing or non-UTF-8 headers,
  too big, too deep) goes to the dead-letter topic with the reason, at once.
* A dead letter is enqueued in the service's outbox together with an inbox mark of the
  record, and only for records before the first one still open in their partition: a
  record redelivered (after a failure, a crash, a rebalance) is never dead-lettered twice.

``handle`` answers an outcome per record; the consumer commits each partition up to its
first record not ``done`` and reads from there again after a pause.

Each record is handled inside a consumer span whose parent is the record's ``traceparent``,
with its correlation and causation ids bound to every log line written meanwhile.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any
from uuid import UUID

import structlog
from eventkit import EventStore, Inbound, UnitOfWork
from eventkit.failures import is_transient
from opentelemetry import trace
from samspil_contracts import Envelope

from servicekit.inbound_parking import Outcome, Parking
from servicekit.inbound_records import (
    DeadLetterSink,
    Decoded,
    Decoder,
    Refused,
    decode_record,
    integration_event,
)
from servicekit.metrics import INBOUND_RECORDS
from servicekit.retries import Attempts, RetryPolicy, failure_reason

log = structlog.get_logger(__name__)

Handler = Callable[[UnitOfWork, Envelope, Any], Awaitable[None]]


class InboundPipeline:
    """One per consumer group: how records decode, the handlers by type, where poison goes."""

    def __init__(
        self,
        consumer: str,
        store: EventStore,
        dead_letters: DeadLetterSink,
        handlers: Mapping[type[Any], Handler],
        *,
        decoder: Decoder = integration_event,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.consumer, self.store, self.dead_letters = consumer, store, dead_letters
        self.handlers, self.decoder = dict(handlers), decoder
        self.retry, self.attempts = retry or RetryPolicy(), Attempts()
        self.parking = Parking(consumer, store, dead_letters, self.attempts)

    async def __call__(self, record: Inbound) -> Outcome:
        (outcome,) = await self.handle([record])
        return outcome

    async def handle(self, records: Sequence[Inbound]) -> list[Outcome]:
        """An outcome per record, in order; see the module docstring."""
        items = [decode_record(n, r, self.decoder) for n, r in enumerate(records)]
        decoded = [item for item in items if isinstance(item, Decoded)]
        outcomes: dict[int, Outcome | Refused] = {}
        try:
            outcomes |= await self._apply(decoded)
            outcomes |= {i.n: i for i in items if isinstance(i, Refused)}
            final = await self.parking.settle(items, outcomes)
        finally:
            for item in items:
                item.span.end()
        for record, outcome in zip(records, final, strict=True):
            if outcome.status != "waiting":
                INBOUND_RECORDS.labels(self.consumer, record.topic, outcome.status).inc()
        return final

    async def _apply(self, decoded: list[Decoded]) -> dict[int, Outcome | Refused]:
        if not decoded:
            return {}
        try:
            async with self.store.unit_of_work() as uow:
                return dict(await self._apply_all(decoded, uow))
        except Exception as exc:
            if len(decoded) == 1:
                return {decoded[0].n: self._failed(decoded[0], exc)}
            log.warning("inbound_batch_one_by_one", records=len(decoded))
        return await self._one_by_one(decoded)

    async def _one_by_one(self, decoded: list[Decoded]) -> dict[int, Outcome | Refused]:
        """Each record alone; a failure stops its partition's later records (their order
        must hold), not the other partitions'."""
        outcomes: dict[int, Outcome | Refused] = {}
        stopped: set[tuple[str, int]] = set()
        for item in decoded:
            where = (item.record.topic, item.record.partition)
            if where in stopped:
                outcomes[item.n] = Outcome("waiting")
                continue
            try:
                async with self.store.unit_of_work() as uow:
                    outcomes |= await self._apply_all([item], uow)
            except Exception as exc:
                outcomes[item.n] = failed = self._failed(item, exc)
                if isinstance(failed, Outcome):
                    stopped.add(where)
        return outcomes

    def _failed(self, item: Decoded, exc: Exception) -> Outcome | Refused:
        """A failed record: to be read again, or (failing the same way too often) refused."""
        record, kind = item.record, type(exc).__name__
        where = {"topic": record.topic, "partition": record.partition, "offset": record.offset}
        if is_transient(exc):
            log.warning("inbound_transient_failure", error=kind, **where)
            return Outcome("failed")
        attempts = self.attempts.failed(record)
        log.warning("inbound_failed", error=kind, attempts=attempts, **where)
        if attempts < self.retry.max_attempts:
            return Outcome("failed")
        return Refused(item.n, record, item.span, failure_reason(exc, attempts))

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
                outcomes[item.n] = await self._handle_one(env, item.event, uow, earlier)
        return outcomes

    async def _handle_one(
        self, envelope: Envelope, event: Any, uow: UnitOfWork, earlier: set[UUID]
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
