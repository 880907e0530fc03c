"""Migrations: a fresh database migrates to head and matches the code's tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from authority.bootstrap import MIGRATIONS, SCHEMA, AuthoritySettings, migrate
from servicekit import migrations

pytestmark = pytest.mark.integration


async def test_migrations_reach_head_and_match_the_code(
    new_database_url: Callable[[str], str],
) -> None:
    # Given an empty database, when the authority migrates it twice (every replica may)
    url = new_database_url("auth_migrate")
    await migrate(AuthoritySettings(database_url=url))
    await migrate(AuthoritySettings(database_url=url))
    # Then it is at head and nothing of the code's schema is missing
    await migrations.require_head(url, MIGRATIONS)
    assert await migrations.drift(url, SCHEMA) == []
