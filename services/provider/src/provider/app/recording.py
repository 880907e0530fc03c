"""Execute a domain command and keep the read models in step, in the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from eventkit import EventStore, UnitOfWork
from servicekit.aggregates import Loaded

from provider.app.aggregates import Agg
from provider.app.ports import ReadModels
from provider.domain import Actor, Role


@dataclass(frozen=True)
class Acting:
    """Who acts, for which tenant, when, and under which correlation."""

    tenant_id: UUID
    actor: Actor
    at: datetime
    correlation_id: UUID = field(default_factory=uuid4)
    causation_id: UUID | None = None

    @property
    def stamp(self) -> dict[str, Any]:
        return {"actor": self.actor, "tenant_id": self.tenant_id, "at": self.at}

    def metadata(self) -> dict[str, Any]:
        meta = {
            "actor": f"{self.actor.role.value}:{self.actor.user_id}",
            "occurred_at": self.at.isoformat(),
            "correlation_id": str(self.correlation_id),
        }
        if self.causation_id is not None:
            meta["causation_id"] = str(self.causation_id)
        return meta


def system(tenant_id: UUID, at: datetime, correlation_id: UUID, cause: UUID) -> Acting:
    return Acting(tenant_id, Actor("authority", Role.SYSTEM), at, correlation_id, cause)


class Recorder:
    def __init__(self, store: EventStore, read_models: ReadModels) -> None:
        self.store, self.read_models = store, read_models

    async def load(
        self, aggregate: Agg, aggregate_id: object, uow: UnitOfWork | None = None
    ) -> Loaded[Any]:
        """As committed, or as ``uow``'s transaction sees it (to decide inside it)."""
        if uow is not None:
            return aggregate.fold(await uow.load(aggregate.stream(aggregate_id)))
        return await aggregate.load(self.store, aggregate_id)

    async def execute(
        self,
        uow: UnitOfWork,
        aggregate: Agg,
        aggregate_id: object,
        command: Any,
        acting: Acting,
        expected_revision: int | None = None,
    ) -> tuple[list[Any], Loaded[Any]]:
        events, loaded = await aggregate.execute(
            uow, aggregate_id, command, acting.metadata(), expected_revision
        )
        first = loaded.revision - len(events) + 1
        stream = aggregate.stream(aggregate_id)
        for offset, event in enumerate(events):
            data = aggregate.codec.dump(event)
            await self.read_models.project(
                uow.connection, stream, first + offset, type(event).__name__, data
            )
        return events, loaded
