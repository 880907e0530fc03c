"""One way to get infrastructure, for tests and for the running stack alike.

Order of preference: explicit environment variables, then containers on a reachable Docker
engine, then local processes on this machine (Kafka from Maven jars, PostgreSQL from Debian).
``SAMSPIL_DEVSTACK=local`` or ``=docker`` decides instead of the engine's presence; with
``docker`` an unusable engine or image is an error, not a fallback (CI's container run).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cache

from devstack import containers, kafka_local, postgres_local
from devstack._proc import DevstackError

KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS"
POSTGRES_ENV = "DATABASE_ADMIN_URL"
CHOICE_ENV = "SAMSPIL_DEVSTACK"
SERVICE_DATABASES = ("authority", "provider", "scheduler")


@cache
def _use_docker() -> bool:
    choice = os.environ.get(CHOICE_ENV, "auto")
    if choice == "local":
        return False
    available = containers.docker_available()
    if choice == "docker" and not available:
        raise DevstackError(f"{CHOICE_ENV}=docker but no Docker engine answers")
    return available


def _in_container_or_local(
    name: str, container: Callable[[], str], local: Callable[[], str]
) -> str:
    if _use_docker():
        try:
            return container()
        except containers.ImageUnavailable as unavailable:
            if os.environ.get(CHOICE_ENV) == "docker":
                raise
            print(f"devstack: {unavailable}; starting {name} as a local process", file=sys.stderr)
    return local()


def ensure_kafka() -> str:
    """Bootstrap servers of a broker that is up now."""
    given = os.environ.get(KAFKA_ENV)
    if given:
        return given
    return _in_container_or_local("Kafka", containers.kafka, kafka_local.ensure)


def ensure_postgres() -> str:
    """A superuser `postgresql://` URL of a server that is up now (database `postgres`)."""
    given = os.environ.get(POSTGRES_ENV)
    if given:
        return given
    return _in_container_or_local("PostgreSQL", containers.postgres, postgres_local.ensure)


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
