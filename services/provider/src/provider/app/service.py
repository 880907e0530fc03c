"""What every command handler of the provider shares: store, recorder, publisher."""

from __future__ import annotations

from uuid import UUID

from eventkit import EventStore, UnitOfWork
from samspil_contracts import IntegrationEvent
from servicekit.publishing import Publisher

from provider.app.recording import Acting, Recorder


class Service:
    def __init__(self, store: EventStore, recorder: Recorder, publisher: Publisher) -> None:
        self.store, self.recorder, self.publisher = store, recorder, publisher

    async def publish(
        self, uow: UnitOfWork, acting: Acting, event: IntegrationEvent, subject: UUID, revision: int
    ) -> UUID:
        """Out through the outbox: it reaches Kafka only if ``uow`` commits."""
        return await self.publisher.publish(
            uow,
            event,
            subject=str(subject),
            revision=revision,
            correlation_id=acting.correlation_id,
            causation_id=acting.causation_id,
            occurred_at=acting.at,
        )
