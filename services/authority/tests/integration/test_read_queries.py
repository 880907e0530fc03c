"""The query ports' SQL adapters: the dashboard's figures per period and team, and the
paged lists of My work, on PostgreSQL and on SQLite (the quick start's database)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from authority.adapters.case_lists import SqlCaseList
from authority.adapters.compliance import SqlCompliance
from authority.adapters.people import SqlDirectory
from authority.adapters.tables import VIEWS, caseworker_teams
from authority.adapters.worklists import SqlTeams, SqlWork
from authority.app.case_search import CaseFilter, Match
from authority.app.readmodels import Period, Person, Scope
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


async def test_each_deadline_kind_counts_met_on_time_late_at_risk_and_overdue(
    engine: AsyncEngine,
) -> None:
    # Given Nord's follow-ups met a day early and two days late in the year, one met last
    # year, and Syd's limit overdue and plan due tomorrow (warned), plan due in a month
    now = datetime(2026, 11, 23, 12, tzinfo=UTC)
    nord, syd = await _cases_of(engine, "sb-a"), await _cases_of(engine, "sb-b")
    day = timedelta(days=1)
    await _deadlines(engine, [
        _dl(nord, "follow_up_due", now - 30 * day, closed=now - 31 * day),
        _dl(nord, "follow_up_due", now - 30 * day, closed=now - 28 * day),
        _dl(nord, "follow_up_due", now - 400 * day, closed=now - 400 * day),
        _dl(syd, "investigation_limit", now - 3 * day),
        _dl(syd, "action_plan_due", now + day, warn=now - day),
        _dl(syd, "action_plan_due", now + 30 * day, warn=now + 20 * day),
    ])  # fmt: skip
    compliance = SqlCompliance(engine)
    # When the figures of the year are read for the unit and for Nord
    unit = {k.kind: k for k in await compliance.deadline_kinds(YEAR, None, now)}
    only_nord = await compliance.deadline_kinds(YEAR, "Nord", now)
    # Then the follow-ups are 1 of 2 on time; the limit overdue; one plan at risk of two open
    follow = unit["follow_up_due"]
    assert (follow.met, follow.on_time, follow.late) == (2, 1, 1)
    assert (unit["investigation_limit"].overdue, unit["investigation_limit"].open) == (1, 1)
    plan = unit["action_plan_due"]
    assert (plan.at_risk, plan.overdue, plan.open) == (1, 0, 2)
    assert [k.kind for k in only_nord] == ["follow_up_due"]
    # And the late figure leads to its one deadline, with its case
    late = await compliance.deadline_cases("follow_up_due", "late", YEAR, None, now, 1)
    assert late.total == 1
    assert late.rows[0]["case_id"] == nord


async def _cases_of(engine: AsyncEngine, worker: str) -> UUID:
    cases = VIEWS["cases"]
    async with engine.connect() as conn:
        query = sa.select(cases.c.case_id).where(cases.c.caseworker_id == worker)
        return UUID(str((await conn.execute(query.limit(1))).scalar_one()))


def _dl(case_id: UUID, kind: str, due: datetime, closed: datetime | None = None,
        warn: datetime | None = None) -> dict[str, Any]:  # fmt: skip
    status = "met" if closed else "open"
    return dict(deadline_id=uuid4(), kind=kind, case_id=case_id, due_at=due, warn_at=warn,
                status=status, closed_at=closed, revision=1)  # fmt: skip


async def _deadlines(engine: AsyncEngine, rows: list[dict[str, Any]]) -> None:
    async with engine.begin() as conn:
        await conn.execute(VIEWS["deadlines"].insert(), rows)


async def test_a_provider_without_published_material_is_named_by_its_reference(
    engine: AsyncEngine,
) -> None:
    # Given the provider's material is not (yet) in the registry
    async with engine.begin() as conn:
        await conn.execute(VIEWS["providers"].delete())
    # When the answer times are read
    figures = await SqlCompliance(engine).figures(YEAR, None, TODAY)
    # Then the provider is listed by its reference, not as "?"
    assert figures.answer_days == {f"#{PROVIDER.hex[:8]}": pytest.approx(16 / 3)}


async def test_the_directory_keeps_the_latest_sign_in_and_the_team(engine: AsyncEngine) -> None:
    # Given sb-a (team Nord) signed in twice, with a new title the second time
    directory, at = SqlDirectory(engine), datetime(2026, 11, 23, 9, tzinfo=UTC)
    await directory.record("sb-a", "Karen Holm", "Socialrådgiver", at)
    await directory.record("sb-a", "Karen Holm", "Koordinator", at + timedelta(days=1))
    await directory.record("tl-x", "Lars Berg", None, at)
    # When everyone is read
    people = await directory.everyone()
    # Then the latest claims count, with the caseworker's team beside them
    assert people["sb-a"] == Person("sb-a", "Karen Holm", "Koordinator", "Nord")
    assert people["tl-x"] == Person("tl-x", "Lars Berg", None, None)


async def test_two_first_pages_of_a_new_name_at_once_both_land(engine: AsyncEngine) -> None:
    # Given a user never seen, whose first two pages are served at the same moment
    directory, at = SqlDirectory(engine), datetime(2026, 11, 23, 9, tzinfo=UTC)
    # When both record the sign-in's name concurrently
    await asyncio.gather(*(directory.record("sb-new", "Ida Lund", None, at) for _ in range(8)))
    # Then no insert collides (a 500 before), and the directory has the one person
    assert (await directory.everyone())["sb-new"] == Person("sb-new", "Ida Lund", None, None)


async def test_my_work_lists_are_scoped_and_sorted_by_deadline(engine: AsyncEngine) -> None:
    work = SqlWork(engine)
    due = await work.due(Scope(), 1)
    assert [r["due_on"] for r in due.rows] == [date(2026, 8, 1), date(2026, 12, 1)]
    assert (await work.due(Scope(caseworker="sb-b"), 1)).total == 1
    cases, now = SqlCaseList(engine), datetime.now(UTC)
    assert (await cases.find(Scope(team="Nord"), CaseFilter(), Match(), now, 1)).total == 2
    assert (await cases.find(Scope(), CaseFilter(), Match(text="SB-B"), now, 1)).total == 2
    assert await SqlTeams(engine).names() == ["Nord", "Syd"]
