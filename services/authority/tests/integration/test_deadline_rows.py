"""The deadline view on PostgreSQL and on SQLite (the quick start's database): instants are
kept in UTC whatever offset the scheduler wrote, so the list sorts by the real moment and
the page counts days from it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from authority.adapters.tables import VIEWS
from authority.adapters.views import SqlViews
from authority.adapters.worklists import SqlWork
from authority.app.deadline_list import project
from authority.app.readmodels import Scope
from authority.bootstrap import AuthoritySettings, migrate
from authority.entrypoints.web.render import time_left
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

pytestmark = pytest.mark.integration
CASE = uuid4()


@pytest.fixture(params=["postgresql", "sqlite"])
async def engine(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str], tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'authority.db'}"
    else:
        url = new_database_url("auth_deadlines")
    await migrate(AuthoritySettings(database_url=url))
    found = create_async_engine(url)
    async with found.begin() as conn:
        await conn.execute(
            VIEWS["cases"].insert(),
            {"case_id": CASE, "child_initials": "A.B.", "status": "investigating",
             "caseworker_id": "sb-utc", "revision": 1},
        )  # fmt: skip
    yield found
    await found.dispose()


def _scheduled(due_at: str) -> dict[str, object]:
    return {"deadline_id": str(uuid4()), "kind": "investigation_limit", "subject": str(CASE),
            "case_id": str(CASE), "due_at": due_at, "warn_at": None}  # fmt: skip


async def test_deadlines_sort_by_the_moment_whatever_the_offset(engine: AsyncEngine) -> None:
    # Given one deadline at 09:00 Copenhagen summer time (07:00 UTC) and one at 08:00 UTC
    later = _scheduled("2027-06-01T08:00:00+00:00")
    earlier = _scheduled("2027-06-01T09:00:00+02:00")
    views = SqlViews(engine)
    async with engine.begin() as conn:
        for data in (later, earlier):
            await project(views, conn, "DeadlineScheduled", data, 1)
    # When the caseworker's list is read
    rows = (await SqlWork(engine).deadlines(Scope(caseworker="sb-utc"), 1)).rows
    # Then the Copenhagen one comes first, and the page counts its days from the moment
    assert [str(r["deadline_id"]) for r in rows] == [earlier["deadline_id"], later["deadline_id"]]
    now = datetime(2027, 5, 30, 7, tzinfo=UTC)
    assert time_left(rows[0]["due_at"], now) == (False, 2)
    assert time_left(rows[0]["due_at"], now + timedelta(days=3)) == (True, 1)
