"""Integration events out through the transactional outbox (never straight to Kafka).

``Publisher.publish`` encodes a contracts event and enqueues it in the caller's unit of work,
so it reaches Kafka only if the state change that caused it commits. The optional topic
prefix lets several environments (or test runs) share one cluster without cross-talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from eventkit import OutboxMessage, UnitOfWork
from samspil_contracts import Envelope, IntegrationEvent, encode

from servicekit.tracing import current_traceparent

if TYPE_CHECKING:
    from servicekit.acting import Acting


@dataclass(frozen=True)
class Publisher:
    producer: str  # e.g. "/samspil/authority"
    topic_prefix: str = ""

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    async def publish(
        self,
        uow: UnitOfWork,
        event: IntegrationEvent,
        *,
        subject: str,
        revision: int,
        correlation_id: UUID,
        occurred_at: datetime,
        causation_id: UUID | None = None,
        event_id: UUID | None = None,
        traceparent: str | None = None,
    ) -> UUID:
        """Enqueue ``event``; ``traceparent`` defaults to the current span (request/record)."""
        message = self.message(
            event,
            subject=subject,
            revision=revision,
            correlation_id=correlation_id,
            occurred_at=occurred_at,
            causation_id=causation_id,
            event_id=event_id,
            traceparent=traceparent,
        )
        await uow.enqueue([message])
        return message.message_id

    def message(
        self,
        event: IntegrationEvent,
        *,
        subject: str,
        revision: int,
        correlation_id: UUID,
        occurred_at: datetime,
        causation_id: UUID | None = None,
        event_id: UUID | None = None,
        traceparent: str | None = None,
    ) -> OutboxMessage:
        """The outbox message ``publish`` would enqueue: batch writers enqueue many at once."""
        wire = encode(
            event,
            event_id=event_id,
            subject=subject,
            revision=revision,
            correlation_id=correlation_id,
            causation_id=causation_id,
            producer=self.producer,
            occurred_at=occurred_at,
            traceparent=traceparent or current_traceparent(),
        )
        return OutboxMessage(
            topic=self.topic(wire.topic),
            key=wire.key,
            value=wire.value,
            headers=wire.headers,
            message_id=wire.event_id,
        )

    def acting_message(
        self,
        acting: Acting[Any],
        event: IntegrationEvent,
        revision: int,
        event_id: UUID | None = None,
    ) -> OutboxMessage:
        """``event`` as a consequence of what ``acting`` does: keyed by the event's own
        partition key, in the actor's correlation, caused by what it acts on; the trace of
        the current span (request or record), else the cause's."""
        return self.message(
            event,
            subject=event.partition_key(),
            revision=revision,
            correlation_id=acting.correlation_id,
            causation_id=acting.causation_id,
            occurred_at=acting.at,
            event_id=event_id,
            traceparent=current_traceparent() or acting.traceparent,
        )

    async def reply(
        self,
        uow: UnitOfWork,
        cause: Envelope,
        event: IntegrationEvent,
        *,
        subject: str,
        revision: int,
        occurred_at: datetime,
        event_id: UUID | None = None,
    ) -> UUID:
        """Publish ``event`` as a consequence of ``cause``: same correlation, caused by it."""
        message = self.reply_message(
            cause,
            event,
            subject=subject,
            revision=revision,
            occurred_at=occurred_at,
            event_id=event_id,
        )
        await uow.enqueue([message])
        return message.message_id

    def reply_message(
        self,
        cause: Envelope,
        event: IntegrationEvent,
        *,
        subject: str,
        revision: int,
        occurred_at: datetime,
        event_id: UUID | None = None,
    ) -> OutboxMessage:
        """The outbox message ``reply`` would enqueue.

        The trace continues from the consumer span handling ``cause`` when there is one (so
        the hop shows in the trace), else from the cause's own ``traceparent``.
        """
        return self.message(
            event,
            subject=subject,
            revision=revision,
            correlation_id=cause.correlation_id,
            causation_id=cause.event_id,
            occurred_at=occurred_at,
            event_id=event_id,
            traceparent=current_traceparent() or cause.traceparent,
        )

    async def tombstone(self, uow: UnitOfWork, topic: str, key: str) -> None:
        """A null value for ``key`` on a compacted topic: compaction then drops every earlier
        record of that key (the outbox stores it as an empty value; the relay sends null)."""
        message = OutboxMessage(
            topic=self.topic(topic), key=key.encode(), value=b"", headers=(), message_id=uuid4()
        )
        await uow.enqueue([message])
