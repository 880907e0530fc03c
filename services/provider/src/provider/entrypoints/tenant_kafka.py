"""The consumer of every tenant's commands topic: one pattern subscription, on the same
path as every other consumer (``servicekit.kafka``: decode, inbox, dead letters, retries).

New tenants' topics are picked up on the next metadata refresh. A record that cannot be
decoded goes to that tenant's own commands dead-letter topic with the reason; the offset is
committed only after the command's transaction, so a crash means a redelivery that the
inbox turns into a no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from eventkit import EventStore, Inbound, UnitOfWork
from faststream.kafka import KafkaBroker
from samspil_contracts import Envelope, UndecodableEvent
from samspil_contracts.tenant import commands_pattern, provider_of
from samspil_contracts.tenant_codec import decode_tenant
from samspil_contracts.tenant_messages import TenantCommand
from servicekit.inbound import InboundPipeline
from servicekit.inbound_records import DeadLetterSink, Decoder
from servicekit.kafka import subscribe
from servicekit.retries import RetryPolicy

from provider.app.tenant_commands import CONSUMER, TenantCommands


@dataclass(frozen=True, slots=True)
class FromTenant:
    """A command and the tenant whose topic it came on (never a field of the command)."""

    tenant_id: UUID
    command: TenantCommand


def tenant_command(prefix: str) -> Decoder:
    def decode(record: Inbound) -> tuple[Envelope, FromTenant]:
        tenant_id = provider_of(record.topic, prefix)
        if tenant_id is None:
            raise UndecodableEvent("not a tenant commands topic")
        envelope, command = decode_tenant(record.headers, record.value)
        if not isinstance(command, TenantCommand):
            raise UndecodableEvent(f"{envelope.type} is not a command")
        return envelope, FromTenant(tenant_id, command)

    return decode


def subscribe_tenant_commands(
    broker: KafkaBroker,
    store: EventStore,
    commands: TenantCommands,
    dead_letters: DeadLetterSink,
    prefix: str,
    retry: RetryPolicy,
) -> InboundPipeline:
    async def handle(uow: UnitOfWork, envelope: Envelope, item: FromTenant) -> None:
        await commands.apply(uow, item.tenant_id, envelope, item.command, datetime.now(UTC))

    pipeline = InboundPipeline(
        CONSUMER,
        store,
        dead_letters,
        {FromTenant: handle},
        decoder=tenant_command(prefix),
        retry=retry,
    )
    subscribe(broker, pipeline, f"{prefix}{CONSUMER}", pattern=commands_pattern(prefix))
    return pipeline
