"""CPU per consumed order in the consumers' own code: ``uv run python -m bench.consume_cpu [N]``.

The provider's and the scheduler's ``InboundPipeline`` with their real handlers (wired as in
their bootstraps) take N ``OrderPlaced`` records, one per batch as at a modest rate, on a
fresh database each; ``time.process_time`` around them ÷ N is the CPU of decode, inbox,
handler and commit per order. No Kafka, relay or HTTP, so far less noise than
``bench.order_cpu``: compare code versions with it, one run after the other.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from eventkit import EventStore, Inbound, UnitOfWork
from provider.adapters.child_keys import SqlChildKeys
from provider.adapters.documents import SqlDocuments
from provider.adapters.projections import ReadModelProjector
from provider.adapters.webhooks import WebhookOutbox
from provider.app.inbound import Inbound as ProviderHandlers
from provider.app.recording import Recorder
from provider.app.tenant_outbox import MirroredNotifications, TenantOutbox
from provider.bootstrap import ProviderSettings
from provider.bootstrap import migrate as migrate_provider
from samspil_contracts import OrderPlaced, encode
from samspil_contracts.testing import AT, example_event
from scheduler.adapters.directory import SqlCaseDirectory
from scheduler.adapters.index import SqlDeadlineIndex
from scheduler.adapters.rules_store import SqlRulesStore
from scheduler.app.deadlines import Deadlines
from scheduler.app.intake import Intake
from scheduler.app.municipal_rules import MunicipalRules
from scheduler.bootstrap import SchedulerSettings
from scheduler.bootstrap import migrate as migrate_scheduler
from scheduler.domain import DEFAULT_RULES
from servicekit import db
from servicekit.inbound import InboundPipeline

from bench.infra import fresh_database

WARM_UP = 50  # prepared statements, caches


class NoDeadLetters:
    async def park(self, uow: UnitOfWork, inbound: Inbound, reason: str) -> None:
        raise AssertionError(f"a bench record was dead-lettered: {reason}")


def orders(count: int) -> list[Inbound]:
    """``count`` orders of new cases in municipality 751, each its own order and case."""
    base, records = example_event(OrderPlaced), []
    for n in range(count):
        ids = {"order_id": uuid.uuid4(), "case_id": uuid.uuid4(), "municipality": "751"}
        event = base.model_copy(update=ids)
        wire = encode(
            event, subject=str(event.order_id), revision=1, correlation_id=uuid.uuid4(),
            producer="/samspil/bench", occurred_at=AT,
        )  # fmt: skip
        records.append(Inbound(wire.topic, 0, n, wire.key, wire.value, wire.headers))
    return records


def scheduler(store: EventStore) -> InboundPipeline:
    intake = Intake(
        Deadlines(SqlDeadlineIndex(), DEFAULT_RULES),
        MunicipalRules(SqlRulesStore()),
        SqlCaseDirectory(),
    )
    return InboundPipeline("scheduler", store, NoDeadLetters(), intake.handlers())


def provider(store: EventStore) -> InboundPipeline:
    engine = store.engine
    webhooks = WebhookOutbox(engine, secrets_key=bytes(32))
    notifications = MirroredNotifications(webhooks, TenantOutbox("bench."))
    recorder = Recorder(store, ReadModelProjector())
    handlers = ProviderHandlers(recorder, SqlDocuments(), notifications, SqlChildKeys(engine))
    return InboundPipeline("provider", store, NoDeadLetters(), handlers.handlers())


SERVICES: dict[str, tuple[Callable[[str], Awaitable[Any]], Callable[..., InboundPipeline]]] = {
    "provider": (lambda url: migrate_provider(ProviderSettings(database_url=url)), provider),
    "scheduler": (lambda url: migrate_scheduler(SchedulerSettings(database_url=url)), scheduler),
}


async def measure(name: str, count: int) -> float:
    """Milliseconds of CPU per order in ``name``'s pipeline."""
    migrate, build = SERVICES[name]
    async with fresh_database(f"consume_{name}") as database:
        await migrate(database.url)
        engine = db.engine_for(database.url)
        try:
            pipeline, records = build(EventStore(engine)), orders(WARM_UP + count)
            await _handle(pipeline, records[:WARM_UP])
            began = time.process_time()
            await _handle(pipeline, records[WARM_UP:])
            return (time.process_time() - began) / count * 1000
        finally:
            await engine.dispose()


async def _handle(pipeline: InboundPipeline, records: list[Inbound]) -> None:
    for record in records:
        (outcome,) = await pipeline.handle([record])
        if outcome.status != "handled":  # a figure for work not done would mislead
            raise RuntimeError(f"a bench order was {outcome.status}")


async def main(count: int) -> None:
    # As in production: "handled" is logged at debug, which is off.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))
    for name in SERVICES:
        print(f"{name}: {await measure(name, count):.2f} ms CPU per order (consuming)")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
