"""The three services as processes on a private broker and a private PostgreSQL cluster.

Fault tests stop, kill and restart the broker and the database; the shared ones on 19092 and
15432 serve everybody's tests, so these get their own (devstack.isolated_*), torn down at
the end of the session.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from devstack.databases import create_database
from devstack.isolated_kafka import IsolatedKafka
from devstack.isolated_kafka import start_isolated as start_kafka
from devstack.isolated_postgres import IsolatedPostgres
from devstack.isolated_postgres import start_isolated as start_postgres
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.e2e.conftest import SERVICES, Stack
from tests.harness import ServiceProcess

# Orders per fault scenario: small in `make test`, 10_000 for the long run.
N = int(os.environ.get("SAMSPIL_RELIABILITY_N", "20"))


@dataclass
class FaultStack(Stack):
    kafka: IsolatedKafka
    postgres: IsolatedPostgres
    database_urls: dict[str, str]  # plain postgresql:// URLs, for checks

    @property
    def bootstrap(self) -> str:
        return self.kafka.bootstrap

    def restart(self, service: str) -> None:
        self.processes[service].start(timeout=90)


@pytest.fixture(scope="session")
def fault_stack() -> Iterator[FaultStack]:
    run = uuid.uuid4().hex[:6]
    kafka, postgres = start_kafka(f"rel-{run}"), start_postgres(f"rel-{run}")
    prefix = f"rel{run}."
    common = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap,
        "KAFKA_TOPIC_PREFIX": prefix,
        "SAMSPIL_ENV": "test",
        "TOPIC_PARTITIONS": "2",
        "JWT_SECRET": DEV_JWT_SECRET,
        "LOG_LEVEL": "INFO",
    }
    urls = {name: create_database(postgres.admin_url, f"rel_{name}_{run}") for name in SERVICES}
    processes = {
        name: ServiceProcess(name, {**common, "DATABASE_URL": urls[name]}) for name in SERVICES
    }
    plain = {
        name: url.replace("postgresql+asyncpg://", "postgresql://") for name, url in urls.items()
    }
    try:
        for process in processes.values():
            process.start(timeout=90)
        yield FaultStack(processes, DevIssuer(DEV_JWT_SECRET), prefix, kafka, postgres, plain)
    finally:
        for process in processes.values():
            process.stop()
        kafka.destroy()
        postgres.destroy()
