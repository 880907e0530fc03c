"""Direct seeding of the authority's read models and the events the dashboard reads, as a
working unit's would look after a few years: bulk inserts, not use cases, so 10k cases (and
ten of the scheduler's deadlines each) take seconds. Only for measuring list and dashboard
pages (the case pages of these rows have no personal data to fold)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from authority.adapters.tables import VIEWS, caseworker_teams
from eventkit.schema import events
from samspil_contracts.testing import example_event
from sqlalchemy.ext.asyncio import AsyncEngine

TEAMS = ["Team Nord", "Team Syd", "Team Øst", "Team Vest", "Team Unge"]
STATUSES = ["investigating", "decision_proposed", "decided", "action_plan_adopted"]
MEASURES = ["sel_52_3_2", "sel_52_3_7", "sel_52_3_3", "sel_52_3_1"]
LEVELS = ["regressed", "no_progress", "some_progress", "good_progress", "goal_reached"]
CHUNK = 2000
DEADLINES_PER_CASE = 10
DEADLINE_KINDS = [
    k.value
    for k in (
        wire.DeadlineKind.INVESTIGATION_LIMIT,
        wire.DeadlineKind.ACTION_PLAN_DUE,
        wire.DeadlineKind.FOLLOW_UP_DUE,
        wire.DeadlineKind.ORDER_ANSWER_DUE,
        wire.DeadlineKind.PAYMENT_DUE,
    )
]


class Rows:
    """The rows of every table, filled case by case, inserted in chunks at the end."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {n: [] for n in (*VIEWS, "events")}
        self.revisions: Counter[str] = Counter()

    def add(self, table: str, **row: Any) -> None:
        self.tables[table].append({**row, "revision": row.get("revision", 1)})

    def event(self, stream: str, kind: str, at: datetime, **data: Any) -> None:
        self.revisions[stream] += 1
        self.tables["events"].append(
            {
                "stream_id": stream,
                "revision": self.revisions[stream],
                "event_id": uuid4(),
                "type": kind,
                "schema_version": 1,
                "data": {"at": at.isoformat(), **data},
                "metadata": {},
                "recorded_at": at,
            }
        )


def providers(rows: Rows) -> list[UUID]:
    found = []
    for i, name in enumerate(["Familiehuset Nord", "Støttecentret", "Red Barnet", "Region"]):
        material = example_event(wire.ProviderMaterialPublished).model_dump(mode="json")
        provider_id = uuid4()
        material |= {"provider_id": str(provider_id), "name": name}
        rows.add("providers", provider_id=provider_id, name=name, kind="private", material=material)
        rows.add(
            "standard_contracts",
            standard_contract_id=uuid4(),
            provider_id=provider_id,
            measure=MEASURES[i],
            places=10,
            price_per_unit_oere=62_500,
            unit="hour",
            price_regulation="Nettoprisindeks",
            start=date.today() - timedelta(days=400),
            duration_months=36,
            authority_signed=True,
            provider_signed=True,
            in_force=True,
        )
        found.append(provider_id)
    return found


def one_case(rows: Rows, rng: random.Random, n: int, suppliers: list[UUID]) -> None:
    case_id, worker = uuid4(), f"sb-{n % 60}"
    status = rng.choice(STATUSES)
    opened = datetime.now(UTC) - timedelta(days=rng.randint(30, 900))
    initials = f"{chr(65 + n % 26)}.{chr(65 + n // 26 % 26)}."
    rows.add("cases", case_id=case_id, child_initials=initials, status=status, caseworker_id=worker)
    deadlines(rows, rng, case_id, opened)
    rows.event(f"case-{case_id}", "InvestigationStarted", opened)
    if status != "investigating":
        rows.event(
            f"case-{case_id}", "InvestigationConcluded", opened + timedelta(rng.randint(20, 160))
        )
    if status != "action_plan_adopted":
        return
    order_id, contract_id, provider = uuid4(), uuid4(), rng.choice(suppliers)
    placed = opened + timedelta(days=170)
    answered = rng.random() < 0.9
    measure = rng.choice(MEASURES)
    status = "accepted" if answered else "awaiting_answer"
    rows.add("orders", order_id=order_id, case_id=case_id, decision_id=uuid4(),
             provider_id=provider, measure=measure, status=status, version=1)  # fmt: skip
    rows.event(f"order-{order_id}", "OrderPlaced", placed)
    if not answered:
        return
    rows.event(f"order-{order_id}", "OrderAccepted", placed + timedelta(days=rng.randint(1, 12)))
    rows.add("contracts", contract_id=contract_id, case_id=case_id, order_id=order_id,
             provider_id=provider, version=1, in_force=True, terminated=False)  # fmt: skip
    followup(rows, rng, case_id, contract_id, placed + timedelta(days=100))
    start = placed.date() + timedelta(days=30)
    rows.add("claims", claim_id=uuid4(), contract_id=contract_id, provider_id=provider,
             case_id=case_id, status="approved", total_oere=rng.randint(50, 400) * 62_500,
             period_start=start, period_end=start + timedelta(days=28), problems=[])  # fmt: skip


def deadlines(rows: Rows, rng: random.Random, case_id: UUID, opened: datetime) -> None:
    """Ten of the scheduler's deadlines per case (100k cases: the issue's 1M): most met or
    cancelled over the case's life, the latest still open, some of them overdue."""
    now = datetime.now(UTC)
    for i in range(DEADLINES_PER_CASE):
        due = opened + timedelta(days=30 + i * 60 + rng.randint(-10, 10))
        still_open = i == DEADLINES_PER_CASE - 1 or due > now
        status = "open" if still_open else rng.choice(("met", "met", "met", "cancelled"))
        closed = None if still_open else due + timedelta(days=rng.randint(-20, 15))
        rows.add("deadlines", deadline_id=uuid4(), kind=rng.choice(DEADLINE_KINDS),
                 case_id=case_id, due_at=due, warn_at=due - timedelta(days=14),
                 status=status, closed_at=closed)  # fmt: skip


def followup(
    rows: Rows, rng: random.Random, case_id: UUID, contract_id: UUID, due: datetime
) -> None:
    followup_id = uuid4()
    stream = f"followup-{followup_id}"
    reported = due < datetime.now(UTC) or rng.random() < 0.3
    held = reported and due < datetime.now(UTC) and rng.random() < 0.8
    outcome = "continue" if held else None
    rows.add("followups", followup_id=followup_id, contract_id=contract_id, case_id=case_id,
             due_on=due.date(), has_report=reported, outcome=outcome)  # fmt: skip
    if reported:
        goals = [{"goal_id": str(uuid4()), "progress": rng.choice(LEVELS)} for _ in range(2)]
        rows.event(stream, "StatusReportAttached", due - timedelta(days=7), report={"goals": goals})
    if held:
        rows.event(stream, "OutcomeRecorded", due + timedelta(days=rng.randint(-5, 10)))


async def seed(engine: AsyncEngine, cases: int, seed: int = 7) -> None:
    rng, rows = random.Random(seed), Rows()
    suppliers = providers(rows)
    for n in range(cases):
        one_case(rows, rng, n, suppliers)
    async with engine.begin() as conn:
        for worker in range(60):
            await conn.execute(
                caseworker_teams.insert().values(
                    caseworker_id=f"sb-{worker}", team=TEAMS[worker % len(TEAMS)]
                )
            )
        for name, found in rows.tables.items():
            table = events if name == "events" else VIEWS[name]
            for start in range(0, len(found), CHUNK):
                await conn.execute(table.insert(), found[start : start + CHUNK])
