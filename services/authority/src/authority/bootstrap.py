"""The authority's composition root: configuration in, a running FastAPI app out."""

from __future__ import annotations

from pathlib import Path

from eventkit import EventStore, OutboxRelay, ProjectionRunner
from eventkit.schema import metadata as eventkit_metadata
from fastapi import FastAPI
from faststream.kafka import KafkaBroker
from pydantic import Field
from servicekit import db, kafka_security, logging, migrations, readiness, topics, tracing
from servicekit.app import create_app
from servicekit.auth import DevIssuer
from servicekit.dead_letters import OutboxDeadLetters
from servicekit.inbound import InboundPipeline
from servicekit.kafka import subscribe
from servicekit.publishing import Publisher
from servicekit.runtime import Workers
from servicekit.settings import DEV_TRANSPORT_MASTER, ServiceSettings
from sqlalchemy.ext.asyncio import AsyncEngine

from authority.adapters.blobs import SqlBlobStore
from authority.adapters.case_lists import SqlCaseList
from authority.adapters.citizens import SqlCitizens
from authority.adapters.compliance import SqlCompliance
from authority.adapters.digital_post_folder import FolderDigitalPost
from authority.adapters.keys import SqlKeyStore
from authority.adapters.letter_pdf import ReportlabLetters
from authority.adapters.people import SqlDirectory
from authority.adapters.revocations import SqlRevocations
from authority.adapters.search_index import BlindIndex
from authority.adapters.tables import metadata as authority_metadata
from authority.adapters.views import SqlViews
from authority.adapters.virus_scan import LocalScanner
from authority.adapters.worklists import SqlRegistry, SqlTeams, SqlWork
from authority.app.case_search import CaseSearch
from authority.app.inbound import Inbound
from authority.app.letters import Sender
from authority.app.projections import projections
from authority.app.readmodels import ReadModels
from authority.app.services import Outbound, Services
from authority.domain import DomainError
from authority.entrypoints import web
from authority.entrypoints.http import (
    assignment,
    casefile,
    cases,
    change_requests,
    citizens,
    claims,
    coordination,
    dev,
    notifications,
    orders,
    oversight,
    personal,
    search,
    standards,
    teams,
)

SERVICE = "authority"
NOT_FOUND = frozenset(
    {
        "not_found",
        "case_not_found",
        "order_not_found",
        "contract_not_found",
        "followup_not_found",
        "concern_not_found",
        "claim_not_found",
        "decision_not_found",
        "standard_contract_not_found",
        "notification_not_found",
        "document_not_found",
        "change_request_not_found",
    }
)


class AuthoritySettings(ServiceSettings):
    port: int = 8001
    database_url: str = "sqlite+aiosqlite:///var/authority.db"
    # Wraps each child's data key and keys the CPR lookup; keep it apart from the transport
    # master in production.
    data_master_key: str = DEV_TRANSPORT_MASTER
    authority_contact_email: str = "boern-og-familie@kommune.example"
    # Kommunekode of this authority's municipality: the scheduler counts with its rules.
    municipality: str = Field("101", pattern=r"^\d{3}$")
    # Letters: the sender as Digital Post knows it, and where the local adapter delivers.
    authority_name: str = "Børn og Familie, Kommune"
    authority_cvr: str = Field("29189846", pattern=r"^\d{8}$")
    digital_post_dir: Path = Path("var/digital-post")

    def secret_keys(self) -> dict[str, str]:
        # The JWT secret also keys the UI's sessions, with OIDC too.
        return {
            **super().secret_keys(),
            "JWT_SECRET": self.jwt_secret,
            "DATA_MASTER_KEY": self.data_master_key,
        }


MIGRATIONS = Path(__file__).parent / "adapters" / "migrations"
SCHEMA = (eventkit_metadata, authority_metadata)


async def migrate(settings: AuthoritySettings) -> None:
    """Bring the schema to head: eventkit's tables and the authority's own (idempotent)."""
    await migrations.migrate(settings.database_url, MIGRATIONS, SCHEMA)


def services_for(settings: AuthoritySettings) -> Services:
    engine = db.engine_for(settings.database_url)
    outbound = Outbound(
        blobs=SqlBlobStore(engine),
        scanner=LocalScanner(),
        renderer=ReportlabLetters(),
        post=FolderDigitalPost(settings.digital_post_dir),
        sender=Sender(settings.authority_cvr, settings.authority_name),
    )
    return Services.create(
        store=EventStore(engine),
        views=SqlViews(engine, BlindIndex(settings.data_master_key)),
        keys=SqlKeyStore(engine, settings.data_master_key),
        citizens=SqlCitizens(engine, settings.data_master_key),
        publisher=Publisher(f"/samspil/{SERVICE}", settings.kafka_topic_prefix),
        transport_master_key=settings.transport_master_key,
        contact_email=settings.authority_contact_email,
        municipality=settings.municipality,
        outbound=outbound,
    )


def read_models(engine: AsyncEngine) -> ReadModels:
    """The query ports of the UI's lists and figures, answered in SQL."""
    return ReadModels(
        work=SqlWork(engine),
        teams=SqlTeams(engine),
        registry=SqlRegistry(engine),
        compliance=SqlCompliance(engine),
        people=SqlDirectory(engine),
    )


def rebuilder(settings: AuthoritySettings) -> ProjectionRunner:
    services = services_for(settings)
    return ProjectionRunner(services.kit.store, projections(services.kit))


def build(settings: AuthoritySettings | None = None) -> FastAPI:
    settings = settings or AuthoritySettings()
    settings.refuse_insecure()
    logging.configure(SERVICE, settings.log_level, settings.log_json)
    tracing.configure(SERVICE)
    services = services_for(settings)
    engine = services.kit.store.engine
    bootstrap, prefix = settings.kafka_bootstrap_servers, settings.kafka_topic_prefix
    kafka_security.configure(settings)
    broker = KafkaBroker(bootstrap, client_id=SERVICE, **kafka_security.broker_options(settings))
    # Read models are written in each command's transaction; projections only rebuild.
    workers = Workers(
        relay=OutboxRelay(engine, bootstrap),
        projections=None,
        broker=broker,
        grace=settings.shutdown_grace_seconds,
    )
    pipeline = InboundPipeline(
        SERVICE,
        services.kit.store,
        OutboxDeadLetters(),
        Inbound(services).handlers(),
        retry=settings.retry_policy(),
    )
    subscribe(broker, pipeline, f"{prefix}{SERVICE}", topics=topics.subscriptions(SERVICE, prefix))

    async def prepare() -> None:
        if settings.auto_migrate:
            await migrate(settings)
        await migrations.require_head(settings.database_url, MIGRATIONS)
        await topics.create_all(
            bootstrap, prefix, settings.topic_partitions, topics.replication(settings)
        )

    production = settings.env == "production"
    app = create_app(
        title="Samspil authority",
        settings=settings,
        workers=workers,
        routers=[
            cases.router(),
            coordination.router(),
            personal.router(),
            search.router(),
            casefile.router(),
            notifications.router(),
            assignment.router(),
            citizens.router(),
            orders.router(),
            change_requests.router(),
            oversight.router(),
            claims.router(),
            standards.router(),
            teams.router(),
            *web.routers(),
            *([] if production else [dev.router()]),
        ],
        domain_error=DomainError,
        checks=readiness.standard(engine, settings.kafka_bootstrap_servers, MIGRATIONS),
        on_startup=[prepare],
        not_found_codes=NOT_FOUND,
        cacheable_prefixes=("/ui/static/",),
        error_texts=web.error_texts(),
        conflict_codes=frozenset({"contract_already_terminated"}),
    )
    web.install(app, f"{settings.jwt_secret}|{settings.data_master_key}")
    app.state.services = services
    app.state.reads = read_models(engine)
    blind = BlindIndex(settings.data_master_key)
    app.state.search = CaseSearch(SqlCaseList(engine), blind, services.kit)
    app.state.revocations = SqlRevocations(engine)
    app.state.dev_issuer = None if production else DevIssuer(settings.jwt_secret)
    return app
