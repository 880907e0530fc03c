"""The case list's SQL: filtered, sorted and paged by the database (PostgreSQL, and SQLite
for the quick start), each case with its next open deadline."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from authority.adapters.case_lists import SqlCaseList
from authority.adapters.tables import VIEWS, case_search, caseworker_teams
from authority.app.case_search import CaseFilter, Match
from authority.app.readmodels import Scope
from authority.bootstrap import AuthoritySettings, migrate
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

pytestmark = pytest.mark.integration
NOW = datetime(2026, 12, 5, 12, tzinfo=UTC)
OPENED = datetime(2026, 1, 1, 9, tzinfo=UTC)


@pytest.fixture(params=["postgresql", "sqlite"])
async def engine(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str], tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'authority.db'}"
    else:
        url = new_database_url("auth_case_list")
    await migrate(AuthoritySettings(database_url=url))
    found = create_async_engine(url)
    yield found
    await found.dispose()


async def seed(engine: AsyncEngine) -> list[UUID]:
    """25 cases opened a day apart: the first 3 with an open deadline (the first overdue),
    the 4th with only a met one; sb-1's in Team Nord; case numbers counting down; every
    fifth decided on placement."""
    ids = [UUID(int=i + 1) for i in range(25)]
    cases = [
        {"case_id": c, "child_initials": "T.B.", "caseworker_id": f"sb-{i % 3}",
         "status": "decided" if i % 5 == 0 else "investigating",
         "measure": "sel_52_3_7" if i % 5 == 0 else None, "case_number": f"{0xA0000064 - i:08X}",
         "birth_year": 2010 + i % 5, "opened_at": OPENED + timedelta(days=i), "revision": 1}
        for i, c in enumerate(ids)
    ]  # fmt: skip
    due = [NOW - timedelta(days=2), NOW + timedelta(days=3), NOW + timedelta(days=1)]
    deadlines = [
        {"deadline_id": uuid4(), "kind": "followup", "case_id": ids[i], "due_at": at,
         "status": "open", "revision": 1}
        for i, at in enumerate(due)
    ]  # fmt: skip
    deadlines.append(
        {"deadline_id": uuid4(), "kind": "followup", "case_id": ids[3],
         "due_at": NOW - timedelta(days=9), "status": "met", "revision": 1}
    )  # fmt: skip
    async with engine.begin() as conn:
        await conn.execute(VIEWS["cases"].insert(), cases)
        await conn.execute(VIEWS["deadlines"].insert(), deadlines)
        await conn.execute(caseworker_teams.insert(), [{"caseworker_id": "sb-1", "team": "Nord"}])
        await conn.execute(
            case_search.insert(),
            [{"digest": "d-alma", "case_id": ids[5]}, {"digest": "d-alma", "case_id": ids[6]},
             {"digest": "d-hansen", "case_id": ids[6]}],
        )  # fmt: skip
    return ids


async def listing(engine: AsyncEngine, page: int = 1, match: Match | None = None,
                  scope: Scope | None = None, **filters: object) -> list[UUID]:  # fmt: skip
    found = await SqlCaseList(engine).find(
        scope or Scope(),
        CaseFilter(**filters),
        match or Match(),
        NOW,
        page,  # type: ignore[arg-type]
    )
    return [row["case_id"] for row in found.rows]


async def test_paged_and_sorted_by_next_deadline(engine: AsyncEngine) -> None:
    ids = await seed(engine)
    first = await SqlCaseList(engine).find(Scope(), CaseFilter(), Match(), NOW, 1)
    second = await listing(engine, page=2)
    # Then the most urgent lead (overdue, tomorrow, in 3 days), cases without one after
    assert [r["case_id"] for r in first.rows][:4] == [ids[0], ids[2], ids[1], ids[3]]
    assert (first.total, len(first.rows), first.pages) == (25, 20, 2)
    assert [r["next_due_at"] is None for r in first.rows[:4]] == [False, False, False, True]
    assert second == ids[20:]


async def test_filters_and_other_orders(engine: AsyncEngine) -> None:
    ids = await seed(engine)
    assert await listing(engine, overdue=True) == [ids[0]]  # a met deadline is not overdue
    assert await listing(engine, status="decided") == ids[0:25:5]
    assert await listing(engine, measure="sel_52_3_7", sort="opened_desc") == ids[20::-5]
    nord = await listing(engine, team="Nord", sort="opened")
    assert nord == [c for i, c in enumerate(ids) if i % 3 == 1][:20]
    mine = await listing(engine, scope=Scope(caseworker="sb-2"), sort="case_number")
    assert mine == [c for i, c in enumerate(ids) if i % 3 == 2][::-1]  # numbers count down


async def test_matching_by_digests_case_number_and_caseworker(engine: AsyncEngine) -> None:
    ids = await seed(engine)
    both = await listing(engine, match=Match(digests=("d-alma", "d-hansen")))
    one = await listing(engine, match=Match(digests=("d-alma",)), sort="opened")
    number = f"{0xA0000064 - 7:08X}"  # ids[7]'s
    by_number = await listing(engine, match=Match(text=number, case_number=number))
    by_worker = await listing(engine, match=Match(text="SB-0"), sort="opened")
    assert both == [ids[6]]
    assert one == [ids[5], ids[6]]
    assert by_number == [ids[7]]
    assert by_worker == ids[0:25:3]
