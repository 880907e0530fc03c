"""One way to get infrastructure, for tests and for the running stack alike.

Order of preference: explicit environment variables, then containers on a reachable Docker
engine, then local processes on this machine (Kafka from Maven jars, PostgreSQL from Debian).
"""

from __future__ import annotations

import os
from functools import cache

from devstack import containers, kafka_local, postgres_local

KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS"
POSTGRES_ENV = "DATABASE_ADMIN_URL"
SERVICE_DATABASES = ("authority", "provider", "scheduler")


@cache
def _use_docker() -> bool:
    return containers.docker_available()


def ensure_kafka() -> str:
    """Bootstrap servers of a broker that is up now."""
    given = os.environ.get(KAFKA_ENV)
    if given:
        return given
    if _use_docker():
        return containers.kafka()
    return kafka_local.ensure()


def ensure_postgres() -> str:
    """A superuser `postgresql://` URL of a server that is up now (database `postgres`)."""
    given = os.environ.get(POSTGRES_ENV)
    if given:
        return given
    if _use_docker():
        return containers.postgres()
    return postgres_local.ensure()


_LOCAL = {"kafka": kafka_local, "postgres": postgres_local}


def stop_all(only: str | None = None) -> list[str]:
    """Stop what devstack started (local processes, this process's containers); return names."""
    stopped = containers.stop() if only is None else []
    for name, local in _LOCAL.items():
        if only in (None, name) and local.stop():
            stopped.append(name)
    return stopped


def status() -> dict[str, bool]:
    """Which local processes run now (containers are per-process and not listed)."""
    return {name: local.is_running() for name, local in _LOCAL.items()}
