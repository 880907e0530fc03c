"""A tenant's commands from its own Kafka topic, through the same handlers as REST.

The tenant is the one whose topic the command came on, never a field of the command, so a
command naming another tenant's order, contract or claim meets the same ``not_found`` as
REST. The inbox row (written by the consumer, as ``CONSUMER``), the command's effect and its
answer (accepted or rejected, on the tenant's notifications topic) commit in one
transaction: a redelivered command has no second effect and no second answer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

from eventkit import ConcurrencyError, EventStore, UnitOfWork
from samspil_contracts import Envelope
from samspil_contracts.tenant_messages import CommandAccepted, CommandRejected, TenantCommand
from servicekit.publishing import Publisher

from provider.app.child_text import ChildText
from provider.app.follow_ups import FollowUps
from provider.app.ports import ReadModels
from provider.app.recording import Acting, Recorder
from provider.app.tenant_handlers import Handlers
from provider.app.tenant_outbox import TenantOutbox
from provider.domain import Actor, DomainError, Role

CONSUMER = "provider.tenant-commands"


class _Joined(EventStore):
    """The store as the REST handlers see it, but every unit of work is the caller's."""

    def __init__(self, uow: UnitOfWork) -> None:
        super().__init__(uow.connection.engine)
        self._uow = uow

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        yield self._uow


class TenantCommands:
    def __init__(
        self,
        recorder: Recorder,
        publisher: Publisher,
        texts: ChildText,
        read_models: ReadModels,
        outbox: TenantOutbox,
        follow_ups: FollowUps,
    ) -> None:
        self.recorder, self.publisher = recorder, publisher
        self.texts, self.read_models, self.outbox = texts, read_models, outbox
        self.follow_ups = follow_ups

    async def apply(
        self,
        uow: UnitOfWork,
        tenant_id: UUID,
        envelope: Envelope,
        command: TenantCommand,
        at: datetime,
    ) -> None:
        """The command's effect and its answer in ``uow`` (whose inbox row the consumer
        wrote); a refusal is an answer too."""
        actor = Actor(f"kafka:{envelope.producer}"[:200], Role.COORDINATOR)
        acting = Acting(tenant_id, actor, at, envelope.correlation_id, envelope.event_id)
        answer = await self._attempt(uow, acting, envelope, command)
        record = self.outbox.record(
            tenant_id,
            answer,
            event_id=envelope.event_id,  # one answer per command id
            subject=envelope.subject,
            correlation_id=envelope.correlation_id,
            causation_id=envelope.event_id,
            at=at,
        )
        await uow.enqueue([record])

    async def _attempt(
        self, uow: UnitOfWork, acting: Acting, envelope: Envelope, command: TenantCommand
    ) -> CommandAccepted | CommandRejected:
        ids: dict[str, Any] = {"command_id": envelope.event_id, "command_type": envelope.type}
        joined = _Joined(uow)
        handlers = Handlers(
            joined, self.recorder, self.publisher, self.texts, self.read_models, self.follow_ups
        )
        try:
            # A savepoint: a refused command leaves nothing behind but its inbox row and answer.
            async with uow.connection.begin_nested():
                result = await handlers.run(acting, command)
        except DomainError as exc:
            return CommandRejected(**ids, code=exc.code, message=exc.message[:4000] or exc.code)
        except ConcurrencyError as exc:
            message = f"It is at revision {exc.actual}, not {exc.expected}: read it again."
            return CommandRejected(**ids, code="conflict", message=message)
        # The values as REST answers them: a revision stays an integer, ids become text.
        typed = {k: v if isinstance(v, int | bool) else str(v) for k, v in result.items()}
        return CommandAccepted(**ids, result=typed)
