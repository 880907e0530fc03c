"""pytest fixtures for real Kafka and PostgreSQL.

Register in the root conftest.py: `pytest_plugins = ["devstack.pytest_plugin"]`.

Local processes started here keep running after the session so the next run starts warm;
`python -m devstack down` stops them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from devstack import stack
from devstack.databases import create_database


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """Bootstrap servers of a running broker (topics are not auto-created: create them)."""
    return stack.ensure_kafka()


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    """Superuser `postgresql://` URL of a running server."""
    return stack.ensure_postgres()


@pytest.fixture(scope="session")
def new_database_url(pg_admin_url: str) -> Callable[[str], str]:
    """Factory: `new_database_url("authority")` creates an empty database and returns its
    `postgresql+asyncpg://` URL. Each call gets its own database, so tests never share state."""

    def make(prefix: str) -> str:
        return create_database(pg_admin_url, f"test_{prefix}_{uuid.uuid4().hex[:12]}")

    return make
