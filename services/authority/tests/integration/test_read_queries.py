"""The query ports' SQL adapters: the dashboard's figures per period and team, and the
paged lists of My work, on PostgreSQL and on SQLite (the quick start's database)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from authority.adapters.case_lists import SqlCaseList
from authority.adapters.compliance import SqlCompliance
from authority.adapters.tables import VIEWS, caseworker_teams
from authority.adapters.worklists import SqlTeams, SqlWork
from authority.app.case_search import CaseFilter, Match
from authority.app.readmodels import Period, Scope
from authority.bootstrap import AuthoritySettings, migrate
from eventkit.schema import events
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

pytestmark = pytest.mark.integration
TODAY = date(2026, 11, 23)
YEAR = Period(date(2026, 1, 1), TODAY)
PROVIDER = uuid4()


@pytest.fixture(params=["postgresql", "sqlite"])
async def engine(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str], tmp_path: Path
) -> AsyncIterator[AsyncEngine]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'authority.db'}"
    else:
        url = new_database_url("auth_reads")
    await migrate(AuthoritySettings(database_url=url))
    found = create_async_engine(url)
    await seed(found)
    yield found
    await found.dispose()


class Unit:
    """Rows of the read models and the events the figures read, inserted together."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {"events": []}

    def add(self, table: str, **row: Any) -> UUID:
        self.rows.setdefault(table, []).append({**row, "revision": 1})
        return next(v for v in row.values() if isinstance(v, UUID))

    def step(self, stream: str, kind: str, day: str, **data: Any) -> None:
        at = datetime.fromisoformat(f"{day}T10:00:00+01:00")
        revision = 1 + sum(e["stream_id"] == stream for e in self.rows["events"])
        self.rows["events"].append(
            dict(stream_id=stream, revision=revision, event_id=uuid4(), type=kind,
                 schema_version=1, data={"at": at.isoformat(), **data}, metadata={},
                 recorded_at=at)
        )  # fmt: skip

    def case(self, worker: str, started: str, concluded: str | None) -> UUID:
        case_id = self.add("cases", case_id=uuid4(), child_initials="A.B.", status="decided",
                           caseworker_id=worker)  # fmt: skip
        self.step(f"case-{case_id}", "InvestigationStarted", started)
        if concluded:
            self.step(f"case-{case_id}", "InvestigationConcluded", concluded)
        return case_id

    def order(self, case_id: UUID, placed: str, answer: str, answered: str) -> UUID:
        order_id = self.add("orders", order_id=uuid4(), case_id=case_id, provider_id=PROVIDER,
                            measure="sel_52_3_2", status="accepted")  # fmt: skip
        self.step(f"order-{order_id}", "OrderPlaced", placed)
        self.step(f"order-{order_id}", answer, answered)
        return self.add("contracts", contract_id=uuid4(), case_id=case_id, order_id=order_id,
                        provider_id=PROVIDER)  # fmt: skip

    def followup(self, case_id: UUID, contract_id: UUID, due: str, held: str | None) -> None:
        outcome = "continue" if held else None
        followup_id = self.add("followups", followup_id=uuid4(), contract_id=contract_id,
                               case_id=case_id, due_on=date.fromisoformat(due),
                               has_report=held is not None, outcome=outcome)  # fmt: skip
        if held:
            self.step(f"followup-{followup_id}", "OutcomeRecorded", held)


async def seed(engine: AsyncEngine) -> None:
    """Team Nord (sb-a): one investigation in time, one late; Team Syd (sb-b): one overdue,
    one still running. Orders answered in 3 and 10 days; follow-ups held on time, late, not."""
    unit = Unit()
    unit.add("providers", provider_id=PROVIDER, name="Familiehuset", kind="private", material={})
    a1 = unit.case("sb-a", "2026-01-10", "2026-03-01")
    a2 = unit.case("sb-a", "2026-01-10", "2026-06-30")
    b1 = unit.case("sb-b", "2026-02-01", None)
    unit.case("sb-b", "2026-11-01", None)
    c1 = unit.order(a1, "2026-03-05", "OrderAccepted", "2026-03-08")
    c2 = unit.order(a2, "2026-03-05", "OrderAccepted", "2026-03-08")
    c3 = unit.order(b1, "2026-03-05", "OrderDeclined", "2026-03-15")
    unit.followup(a1, c1, "2026-06-01", "2026-05-30")
    unit.followup(a2, c2, "2026-07-01", "2026-07-05")
    unit.followup(b1, c3, "2026-08-01", None)
    unit.followup(a1, c1, "2026-12-01", None)  # the next one, not yet due
    followup_a1 = unit.rows["followups"][0]["followup_id"]
    goals = [{"goal_id": str(uuid4()), "progress": p} for p in ("some_progress", "goal_reached")]
    unit.step(f"followup-{followup_a1}", "StatusReportAttached", "2026-05-20",
              report={"goals": goals})  # fmt: skip
    for status, total in (("approved", 100_000), ("rejected", 50_000)):
        unit.add("claims", claim_id=uuid4(), contract_id=c1, provider_id=PROVIDER, case_id=a1,
                 status=status, total_oere=total, period_start=date(2026, 4, 1))  # fmt: skip
    async with engine.begin() as conn:
        for name, rows in unit.rows.items():
            await conn.execute((events if name == "events" else VIEWS[name]).insert(), rows)
        await conn.execute(caseworker_teams.insert(), [
            {"caseworker_id": "sb-a", "team": "Nord"}, {"caseworker_id": "sb-b", "team": "Syd"}
        ])  # fmt: skip


async def test_the_figures_of_the_whole_unit(engine: AsyncEngine) -> None:
    figures = await SqlCompliance(engine).figures(YEAR, None, TODAY)
    assert (figures.followups_held, figures.followups_due) == (1, 3)
    assert (figures.investigations_within, figures.investigations_judged) == (1, 3)
    assert figures.answer_days == {"Familiehuset": pytest.approx((3 + 3 + 10) / 3)}
    assert figures.goal_progress == {"some_progress": 1, "goal_reached": 1}
    assert figures.cost_per_measure == {"sel_52_3_2": 100_000}


async def test_the_figures_of_one_team(engine: AsyncEngine) -> None:
    nord = await SqlCompliance(engine).figures(YEAR, "Nord", TODAY)
    syd = await SqlCompliance(engine).figures(YEAR, "Syd", TODAY)
    assert (nord.followups_held, nord.followups_due) == (1, 2)
    assert (nord.investigations_within, nord.investigations_judged) == (1, 2)
    assert nord.answer_days == {"Familiehuset": 3.0}
    assert (syd.followups_held, syd.followups_due) == (0, 1)
    assert (syd.investigations_within, syd.investigations_judged) == (0, 1)
    assert syd.answer_days == {"Familiehuset": 10.0}
    assert syd.goal_progress == {}
    assert syd.cost_per_measure == {}


async def test_a_period_leaves_out_what_happened_outside_it(engine: AsyncEngine) -> None:
    spring = await SqlCompliance(engine).figures(
        Period(date(2026, 5, 1), date(2026, 6, 30)), None, TODAY
    )
    assert (spring.followups_held, spring.followups_due) == (1, 1)
    assert spring.investigations_judged == 0
    assert spring.answer_days == {}


async def test_my_work_lists_are_scoped_and_sorted_by_deadline(engine: AsyncEngine) -> None:
    work = SqlWork(engine)
    due = await work.due(Scope(), 1)
    assert [r["due_on"] for r in due.rows] == [date(2026, 8, 1), date(2026, 12, 1)]
    assert (await work.due(Scope(caseworker="sb-b"), 1)).total == 1
    cases, now = SqlCaseList(engine), datetime.now(UTC)
    assert (await cases.find(Scope(team="Nord"), CaseFilter(), Match(), now, 1)).total == 2
    assert (await cases.find(Scope(), CaseFilter(), Match(text="SB-B"), now, 1)).total == 2
    assert await SqlTeams(engine).names() == ["Nord", "Syd"]
