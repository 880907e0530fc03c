"""The provider's composition root: configuration in, a running FastAPI app out."""

from __future__ import annotations

import base64
from datetime import timedelta
from pathlib import Path

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from eventkit import EventStore, OutboxRelay, ProjectionRunner
from eventkit.schema import metadata as eventkit_metadata
from fastapi import FastAPI
from faststream.kafka import KafkaBroker
from samspil_contracts import ContractOffered, DocumentShared
from servicekit import db, kafka_security, logging, migrations, readiness, topics, tracing
from servicekit.app import create_app
from servicekit.dead_letters import OutboxDeadLetters
from servicekit.idempotency_sql import SqlIdempotencyStore
from servicekit.idempotency_sql import metadata as idempotency_metadata
from servicekit.inbound import InboundPipeline
from servicekit.kafka import in_background, subscribe
from servicekit.publishing import Publisher
from servicekit.runtime import Workers
from servicekit.settings import ServiceSettings

from provider.adapters.child_keys import SqlChildKeys
from provider.adapters.documents import SqlDocuments
from provider.adapters.follow_ups import SqlFollowUpDeadlines
from provider.adapters.projections import ReadModelProjector, projections
from provider.adapters.queries import SqlQueries
from provider.adapters.sandbox import SqlSandbox
from provider.adapters.shared_documents import SqlSharedDocuments
from provider.adapters.tables import metadata as read_metadata
from provider.adapters.tenant_topics import TenantTopics
from provider.adapters.tenants import TenantStore
from provider.adapters.webhooks import (
    TargetPolicy,
    WebhookDispatcher,
    WebhookOutbox,
    webhook_metadata,
)
from provider.app.change_requests import ChangeRequests
from provider.app.child_text import ChildText
from provider.app.claims import Claims
from provider.app.contracts import Contracts
from provider.app.follow_ups import FollowUps
from provider.app.inbound import Inbound
from provider.app.material import Materials
from provider.app.offered_terms import OfferedTerms
from provider.app.orders import Orders
from provider.app.personal import ChildData
from provider.app.recording import Recorder
from provider.app.reporting import Reporting
from provider.app.sealing import TransportKeys
from provider.app.shared_documents import SharedDocuments
from provider.app.standards import StandardOffers
from provider.app.tenant_commands import TenantCommands
from provider.app.tenant_outbox import MirroredNotifications, TenantOutbox
from provider.domain import DomainError, change, order
from provider.entrypoints.deps import Services
from provider.entrypoints.http import openapi, routers, webhook_docs
from provider.entrypoints.http.error_texts import ERROR_TEXTS
from provider.entrypoints.tenant_kafka import subscribe_tenant_commands

SERVICE = "provider"


class ProviderSettings(ServiceSettings):
    port: int = 8002
    database_url: str = "sqlite+aiosqlite:///var/provider.db"
    webhook_poll_seconds: float = 1.0
    # Failed webhooks are retried with doubling delays (base to max) for the span, then dead.
    webhook_retry_span_hours: float = 72.0
    webhook_retry_base_seconds: float = 30.0
    webhook_retry_max_delay_seconds: float = 6 * 3600.0
    # Networks a webhook may go to although they are not public (development and tests:
    # their receivers on 127.0.0.1), comma-separated, e.g. "127.0.0.0/8,::1/128".
    webhook_allow_networks: str = ""
    tenant_metadata_max_age_ms: int = 30_000  # how soon a new tenant's topic is consumed


def webhook_secrets_key(settings: ServiceSettings) -> bytes:
    """Webhook secrets at rest get their own key, derived from the one master secret."""
    master = settings.transport_master_key
    raw = base64.urlsafe_b64decode(master + "=" * (-len(master) % 4))
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"samspil/webhooks/v1")
    return hkdf.derive(raw)


MIGRATIONS = Path(__file__).parent / "adapters" / "migrations"
SCHEMA = (eventkit_metadata, read_metadata, webhook_metadata, idempotency_metadata)


async def migrate(settings: ProviderSettings) -> None:
    """Bring the schema to head: eventkit's tables, read models, webhooks, idempotency keys
    (idempotent)."""
    await migrations.migrate(settings.database_url, MIGRATIONS, SCHEMA)


def projection_runner(settings: ProviderSettings) -> ProjectionRunner:
    """For ``python -m provider rebuild orders|contracts|claims``."""
    return ProjectionRunner(EventStore(db.engine_for(settings.database_url)), projections())


def build(settings: ProviderSettings | None = None) -> FastAPI:
    settings = settings or ProviderSettings()
    settings.refuse_insecure()
    logging.configure(SERVICE, settings.log_level, settings.log_json)
    tracing.configure(SERVICE)
    engine = db.engine_for(settings.database_url)
    store, read_models = EventStore(engine), ReadModelProjector()
    recorder = Recorder(store, read_models)
    bootstrap, prefix = settings.kafka_bootstrap_servers, settings.kafka_topic_prefix
    publisher = Publisher(f"/samspil/{SERVICE}", prefix)
    keys = TransportKeys(settings.transport_master_key)
    secrets_key = webhook_secrets_key(settings)
    development = settings.env in ("development", "test")  # plain http only there
    targets = TargetPolicy.of(not development, settings.webhook_allow_networks)
    webhooks = WebhookOutbox(engine, secrets_key=secrets_key, targets=targets)
    child_keys = SqlChildKeys(engine)
    texts = ChildText(child_keys, keys)
    offered = OfferedTerms(recorder, texts)
    contracts = Contracts(store, recorder, publisher, offered)
    tenant_outbox = TenantOutbox(prefix)
    notifications = MirroredNotifications(webhooks, tenant_outbox)
    shared = SharedDocuments(SqlSharedDocuments(engine), child_keys, keys, notifications)
    follow_ups = FollowUps(SqlFollowUpDeadlines(engine))
    services = Services(
        queries=SqlQueries(engine),
        tenants=TenantStore(engine),
        orders=Orders(store, recorder, publisher),
        contracts=contracts,
        offered=offered,
        reporting=Reporting(contracts, texts, follow_ups),
        changes=ChangeRequests(contracts, texts),
        follow_ups=follow_ups,
        claims=Claims(contracts, read_models),
        materials=Materials(store, recorder, publisher),
        webhooks=webhooks,
        keys=keys,
        channels=TenantTopics(
            bootstrap, prefix, min(3, settings.topic_partitions), topics.replication(settings)
        ),
        child_data=ChildData(child_keys, keys),
        texts=texts,
        shared=shared,
        sandbox=SqlSandbox(engine, notifications),
    )
    http_client = httpx.AsyncClient()
    dispatcher = WebhookDispatcher(
        engine,
        http_client,
        secrets_key=secrets_key,
        poll_interval=settings.webhook_poll_seconds,
        targets=targets,
        retry_span=timedelta(hours=settings.webhook_retry_span_hours),
        base_delay=timedelta(seconds=settings.webhook_retry_base_seconds),
        max_delay=timedelta(seconds=settings.webhook_retry_max_delay_seconds),
    )
    kafka_security.configure(settings)
    broker = KafkaBroker(bootstrap, client_id=SERVICE, **kafka_security.broker_options(settings))
    workers = Workers(
        relay=OutboxRelay(engine, bootstrap),
        projections=None,  # the read models are written in the command's own transaction
        broker=broker,
        grace=settings.shutdown_grace_seconds,
    )
    commands = TenantCommands(recorder, publisher, texts, read_models, tenant_outbox, follow_ups)
    retry = settings.retry_policy()
    # Tenants' commands topics: a pattern subscription (new tenants join on a metadata
    # refresh) on a broker of its own, started in the background.
    tenants = KafkaBroker(
        bootstrap,
        client_id=f"{SERVICE}-tenants",
        metadata_max_age_ms=settings.tenant_metadata_max_age_ms,
        **kafka_security.broker_options(settings),
    )
    subscribe_tenant_commands(tenants, store, commands, OutboxDeadLetters(), prefix, retry)
    workers.extra = [dispatcher.run, in_background(tenants)]
    handlers = Inbound(recorder, SqlDocuments(), notifications, child_keys).handlers()
    handlers[DocumentShared] = shared.received
    handlers[ContractOffered] = StandardOffers(recorder, notifications, handlers[ContractOffered])
    pipeline = InboundPipeline(SERVICE, store, OutboxDeadLetters(), handlers, retry=retry)
    subscribe(broker, pipeline, f"{prefix}{SERVICE}", topics=topics.subscriptions(SERVICE, prefix))

    async def prepare() -> None:
        if settings.auto_migrate:
            await migrate(settings)
        await migrations.require_head(settings.database_url, MIGRATIONS)
        await topics.create_all(
            bootstrap, prefix, settings.topic_partitions, topics.replication(settings)
        )

    app = create_app(
        title="Samspil provider",
        settings=settings,
        workers=workers,
        routers=routers(),
        domain_error=DomainError,
        error_texts=ERROR_TEXTS,
        conflict_codes=frozenset(
            {order.ALREADY_ANSWERED, change.OPEN_ALREADY, "contract_already_terminated"}
        ),
        idempotency=SqlIdempotencyStore(engine),
        checks=readiness.standard(engine, settings.kafka_bootstrap_servers, MIGRATIONS),
        on_startup=[prepare],
    )
    app.state.services, app.state.engine = services, engine
    webhook_docs.describe(app, dispatcher.retry.describe())
    openapi.install(app)
    return app
