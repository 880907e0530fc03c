"""Migrations: a fresh database migrates to head, matches the code, and is checked at start."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from scheduler.bootstrap import METADATA, MIGRATIONS, SchedulerSettings, migrate
from servicekit import migrations

pytestmark = pytest.mark.integration


async def test_migrations_reach_head_and_match_the_code(
    new_database_url: Callable[[str], str],
) -> None:
    # Given an empty PostgreSQL database
    url = new_database_url("sched_migrate")
    # When the scheduler migrates it (twice: replicas all run migrate on start)
    await migrate(SchedulerSettings(database_url=url))
    await migrate(SchedulerSettings(database_url=url))
    # Then it is at head and no table, column or index of the code is missing
    await migrations.require_head(url, MIGRATIONS)
    assert await migrations.drift(url, METADATA) == []


async def test_a_database_not_at_head_is_refused(new_database_url: Callable[[str], str]) -> None:
    # Given a database no migration ever ran on
    url = new_database_url("sched_unknown")
    # When the service checks its schema, then it refuses with a clear reason
    with pytest.raises(migrations.UnknownSchema, match="migrate"):
        await migrations.require_head(url, MIGRATIONS)
