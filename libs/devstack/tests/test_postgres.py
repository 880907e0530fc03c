"""The PostgreSQL server devstack starts, and the databases it creates for tests."""

from __future__ import annotations

import time
from collections.abc import Callable

import asyncpg  # type: ignore[import-untyped]
import devstack
import pytest
from devstack.databases import database_url

pytestmark = pytest.mark.integration


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def test_a_new_database_answers_queries(new_database_url: Callable[[str], str]) -> None:
    # given a database made by the factory
    url = new_database_url("devstack")

    # when we connect to it and query
    connection = await asyncpg.connect(_plain(url))
    try:
        answer = await connection.fetchval("select 1")
        name = await connection.fetchval("select current_database()")
    finally:
        await connection.close()

    # then it is a real, separate database named after the prefix
    assert url.startswith("postgresql+asyncpg://")
    assert answer == 1
    assert name.startswith("test_devstack_")


def test_each_call_makes_a_different_database(new_database_url: Callable[[str], str]) -> None:
    assert new_database_url("authority") != new_database_url("authority")


async def test_creating_an_existing_database_keeps_its_data(pg_admin_url: str) -> None:
    # given a database holding a row
    url = devstack.create_database(pg_admin_url, "test_devstack_idempotent")
    connection = await asyncpg.connect(_plain(url))
    await connection.execute(
        "create table if not exists kept (id int); insert into kept values (1)"
    )
    await connection.close()

    # when it is "created" again
    again = devstack.create_database(pg_admin_url, "test_devstack_idempotent")

    # then the same URL comes back and the data survived
    connection = await asyncpg.connect(_plain(again))
    try:
        assert again == url
        assert await connection.fetchval("select count(*) from kept") >= 1
    finally:
        await connection.close()


def test_names_that_would_need_quoting_are_refused(pg_admin_url: str) -> None:
    with pytest.raises(ValueError, match="invalid database name"):
        devstack.create_database(pg_admin_url, 'x"; drop database postgres; --')


def test_ensuring_postgres_again_is_fast_and_returns_the_same_url(pg_admin_url: str) -> None:
    started = time.monotonic()
    assert devstack.ensure_postgres() == pg_admin_url
    assert time.monotonic() - started < 3


def test_database_url_swaps_the_database_and_adds_the_driver() -> None:
    admin = "postgresql://u:p@db.example:5432/postgres?sslmode=require"
    assert database_url(admin, "scheduler") == (
        "postgresql+asyncpg://u:p@db.example:5432/scheduler?sslmode=require"
    )
