"""The scheduler's composition root: configuration in, a running FastAPI app out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from eventkit import EventStore, OutboxRelay
from eventkit.schema import metadata as eventkit_metadata
from fastapi import FastAPI
from faststream.kafka import KafkaBroker
from servicekit import db, kafka_security, logging, migrations, readiness, topics, tracing
from servicekit.app import create_app
from servicekit.dead_letters import OutboxDeadLetters
from servicekit.handler import Announcing
from servicekit.inbound import InboundPipeline
from servicekit.kafka import subscribe
from servicekit.publishing import Publisher
from servicekit.runtime import Workers
from servicekit.settings import ServiceSettings

from scheduler.adapters.clock import AdjustableClock, SystemClock
from scheduler.adapters.directory import SqlCaseDirectory
from scheduler.adapters.firing_queue import SqlFiringQueue
from scheduler.adapters.index import SqlDeadlineIndex
from scheduler.adapters.index import metadata as index_metadata
from scheduler.adapters.rules_store import SqlRulesStore
from scheduler.adapters.tables import metadata as tables_metadata
from scheduler.adapters.views import SqlDeadlineQueries
from scheduler.app import backfill
from scheduler.app.announce import announcements
from scheduler.app.deadlines import Deadlines
from scheduler.app.ending import Ending
from scheduler.app.firing import Firing
from scheduler.app.intake import Intake
from scheduler.app.municipal_rules import MunicipalRules
from scheduler.domain import DEFAULT_RULES, DomainError
from scheduler.entrypoints import http, rules_http
from scheduler.entrypoints.loops import firing_loop, gauges_loop

SERVICE = "scheduler"


class SchedulerSettings(ServiceSettings):
    port: int = 8003
    database_url: str = "sqlite+aiosqlite:///var/scheduler.db"
    adjustable_clock: bool = False  # development and tests only; refused in production
    clock_offset_days: int = 0  # with the adjustable clock: start this far in the future
    fire_interval_seconds: float = 0.5
    firing_concurrency: int = 2  # parallel batches; SKIP LOCKED keeps them apart
    fire_batch_size: int = 500  # phases per firing transaction

    def secret_keys(self) -> dict[str, str]:
        # No transport key: the scheduler never sees personal data.
        return {k: v for k, v in super().secret_keys().items() if k != "TRANSPORT_MASTER_KEY"}


MIGRATIONS = Path(__file__).parent / "adapters" / "migrations"
METADATA = [eventkit_metadata, index_metadata, tables_metadata]


async def migrate(settings: SchedulerSettings) -> None:
    """Bring the schema to head: eventkit's tables plus the deadline index (idempotent)."""
    await migrations.migrate(settings.database_url, MIGRATIONS, METADATA)


async def announce_open(settings: SchedulerSettings) -> int:
    """Enqueues a ``DeadlineScheduled`` for every open deadline (``app.backfill``); the
    running service's relay publishes them."""
    engine = db.engine_for(settings.database_url)
    try:
        publisher = Publisher(f"/samspil/{SERVICE}", settings.kafka_topic_prefix)
        return await backfill.announce_open(
            EventStore(engine), SqlDeadlineQueries(engine), publisher, datetime.now(UTC)
        )
    finally:
        await engine.dispose()


def build(settings: SchedulerSettings | None = None) -> FastAPI:
    settings = settings or SchedulerSettings()
    settings.refuse_insecure()
    logging.configure(SERVICE, settings.log_level, settings.log_json)
    tracing.configure(SERVICE)
    if settings.adjustable_clock and settings.env == "production":
        raise RuntimeError("ADJUSTABLE_CLOCK is refused in production")
    engine = db.engine_for(settings.database_url)
    store, queries = EventStore(engine), SqlDeadlineQueries(engine)
    offset = timedelta(days=settings.clock_offset_days)
    clock = AdjustableClock(offset) if settings.adjustable_clock else SystemClock()
    publisher = Publisher(f"/samspil/{SERVICE}", settings.kafka_topic_prefix)
    # Every deadline set, moved, met or cancelled is announced (``app.announce``).
    deadlines = Deadlines(SqlDeadlineIndex(), DEFAULT_RULES, Announcing(publisher, announcements))
    ending = Ending(store, deadlines)
    firing = Firing(store, SqlFiringQueue(), clock, publisher, settings.fire_batch_size, ending)
    bootstrap, prefix = settings.kafka_bootstrap_servers, settings.kafka_topic_prefix
    kafka_security.configure(settings)
    broker = KafkaBroker(bootstrap, client_id=SERVICE, **kafka_security.broker_options(settings))
    wake = asyncio.Event()
    workers = Workers(
        relay=OutboxRelay(engine, bootstrap),
        projections=None,
        broker=broker,
        grace=settings.shutdown_grace_seconds,
        extra=[
            *[
                firing_loop(firing, wake, settings.fire_interval_seconds)
                for _ in range(settings.firing_concurrency)
            ],
            gauges_loop(queries, clock),
        ],
    )
    rules = MunicipalRules(SqlRulesStore())
    intake = Intake(deadlines, rules, SqlCaseDirectory())
    retry = settings.retry_policy()
    pipeline = InboundPipeline(SERVICE, store, OutboxDeadLetters(), intake.handlers(), retry=retry)
    subscribe(broker, pipeline, f"{prefix}{SERVICE}", topics=topics.subscriptions(SERVICE, prefix))

    async def prepare() -> None:
        if settings.auto_migrate:
            await migrate(settings)
        await migrations.require_head(settings.database_url, MIGRATIONS)
        await topics.create_all(
            bootstrap, prefix, settings.topic_partitions, topics.replication(settings)
        )

    app = create_app(
        title="Samspil scheduler",
        settings=settings,
        workers=workers,
        routers=[http.router(), rules_http.router()],
        domain_error=DomainError,
        checks=readiness.standard(engine, settings.kafka_bootstrap_servers, MIGRATIONS),
        on_startup=[prepare],
    )
    app.state.engine, app.state.clock, app.state.wake = engine, clock, wake
    app.state.store, app.state.queries, app.state.rules = store, queries, rules
    return app
