"""The consumer of every tenant's commands topic (one pattern subscription).

New tenants' topics are picked up on the next metadata refresh. A record that cannot be
decoded goes to that tenant's own ``<commands topic>.dlq`` with the reason; the offset is
committed only after the command's transaction, so a crash means a redelivery that the
inbox turns into a no-op.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from eventkit.security import client_options
from samspil_contracts import UndecodableEvent
from samspil_contracts.tenant import commands_pattern, provider_of
from samspil_contracts.tenant_codec import decode_tenant
from samspil_contracts.tenant_messages import TenantCommand
from servicekit.inbound_records import DeadLetterSink, inbound_from_record

from provider.app.tenant_commands import TenantCommands

log = structlog.get_logger(__name__)
RETRY_PAUSE_SECONDS = 1.0


class TenantCommandConsumer:
    def __init__(
        self,
        bootstrap_servers: str,
        prefix: str,
        commands: TenantCommands,
        dead_letters: DeadLetterSink,
        metadata_max_age_ms: int = 10_000,
    ) -> None:
        self.bootstrap, self.prefix = bootstrap_servers, prefix
        self.commands, self.dead_letters = commands, dead_letters
        self.metadata_max_age_ms = metadata_max_age_ms

    async def run(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap,
            group_id=f"{self.prefix}provider.tenant-commands",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            metadata_max_age_ms=self.metadata_max_age_ms,
            **client_options(),
        )
        consumer.subscribe(pattern=commands_pattern(self.prefix))
        await consumer.start()
        try:
            while not stop.is_set():
                batches = await consumer.getmany(timeout_ms=500)
                for tp, records in batches.items():
                    await self._partition(consumer, tp, records)
        finally:
            await consumer.stop()

    async def _partition(
        self, consumer: AIOKafkaConsumer, tp: TopicPartition, records: Any
    ) -> None:
        for record in records:
            try:
                outcome = await self.handle(record)
            except Exception:
                # Transient (database, broker): read this record again after a pause.
                log.exception("tenant_command_failed", topic=record.topic, offset=record.offset)
                consumer.seek(tp, record.offset)
                await asyncio.sleep(RETRY_PAUSE_SECONDS)
                return
            await consumer.commit({tp: record.offset + 1})
            log.info("tenant_command", topic=record.topic, offset=record.offset, outcome=outcome)

    async def handle(self, record: Any) -> str:
        """One record: ``handled``, ``duplicate`` or ``dead_lettered``."""
        inbound = inbound_from_record(record)
        tenant_id = provider_of(inbound.topic, self.prefix)
        try:
            if tenant_id is None:
                raise UndecodableEvent("not a tenant commands topic")
            envelope, command = decode_tenant(inbound.headers, inbound.value)
            if not isinstance(command, TenantCommand):
                raise UndecodableEvent(f"{envelope.type} is not a command")
        except UndecodableEvent as exc:
            await self.dead_letters.send(inbound, exc.reason)
            return "dead_lettered"
        with structlog.contextvars.bound_contextvars(correlation_id=str(envelope.correlation_id)):
            return await self.commands.handle(tenant_id, envelope, command, datetime.now(UTC))
