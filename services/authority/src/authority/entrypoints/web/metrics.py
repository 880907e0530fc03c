"""Ledelsesinformation: key figures from the read models and the recorded events.

Durations use each event's ``at`` (when the step happened, as the command said), not when it
was stored, so imported or back-filled history counts by its real dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from eventkit.schema import events

from authority.entrypoints.web.readside import ReadSide, claims, contracts, followups, orders

INVESTIGATION_LIMIT = timedelta(days=122)  # 4 months (Serviceloven § 50, stk. 7)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def _day(at: str) -> date:
    return datetime.fromisoformat(at).date()


async def happened(read: ReadSide, *types: str) -> dict[str, dict[str, Any]]:
    """Per stream, the data of the first event of each type (the step's first occurrence)."""
    query = sa.select(events.c.stream_id, events.c.type, events.c.data).where(
        events.c.type.in_(types)
    )
    found: dict[str, dict[str, Any]] = defaultdict(dict)
    for row in await read.all(query.order_by(events.c.position)):
        found[row["stream_id"]].setdefault(row["type"], row["data"])
    return found


async def followups_on_time(read: ReadSide, period: Period, today: date) -> tuple[int, int]:
    """(held by the due date, due in the period and held or overdue)."""
    held = await happened(read, "OutcomeRecorded")
    due = await read.all(sa.select(followups).where(followups.c.due_on <= today))
    on_time = counted = 0
    for row in due:
        if not period.holds(row["due_on"]):
            continue
        outcome = held.get(f"followup-{row['followup_id']}", {}).get("OutcomeRecorded")
        counted += 1
        on_time += outcome is not None and _day(outcome["at"]) <= row["due_on"]
    return on_time, counted


async def investigations_in_time(read: ReadSide, period: Period, today: date) -> tuple[int, int]:
    steps = await happened(read, "InvestigationStarted", "InvestigationConcluded")
    within = counted = 0
    for step in steps.values():
        started = step.get("InvestigationStarted")
        if started is None or not period.holds(_day(started["at"])):
            continue
        begun = _day(started["at"])
        concluded = step.get("InvestigationConcluded")
        finished = _day(concluded["at"]) if concluded else None
        if finished is None and today - begun <= INVESTIGATION_LIMIT:
            continue  # still running and not yet late: not judged
        counted += 1
        within += finished is not None and finished - begun <= INVESTIGATION_LIMIT
    return within, counted


async def answer_days(read: ReadSide, period: Period, names: dict[Any, str]) -> dict[str, float]:
    """Average days from order to the provider's answer, per provider."""
    steps = await happened(read, "OrderPlaced", "OrderAccepted", "OrderDeclined")
    provider_of = {
        f"order-{r['order_id']}": r["provider_id"] for r in await read.all(sa.select(orders))
    }
    days: dict[str, list[int]] = defaultdict(list)
    for stream, step in steps.items():
        placed = step.get("OrderPlaced")
        answer = step.get("OrderAccepted") or step.get("OrderDeclined")
        if placed is None or answer is None or not period.holds(_day(placed["at"])):
            continue
        name = names.get(provider_of.get(stream), "?")
        days[name].append((_day(answer["at"]) - _day(placed["at"])).days)
    return {name: sum(d) / len(d) for name, d in sorted(days.items())}


async def goal_progress(read: ReadSide, period: Period) -> Counter[str]:
    reports = await happened(read, "StatusReportAttached")
    levels: Counter[str] = Counter()
    for step in reports.values():
        report = step["StatusReportAttached"]
        if period.holds(_day(report["at"])):
            levels.update(g["progress"] for g in report["report"]["goals"])
    return levels


async def cost_per_measure(read: ReadSide, period: Period) -> dict[str, int]:
    query = (
        sa.select(orders.c.measure, sa.func.sum(claims.c.total_oere).label("total"))
        .select_from(claims)
        .join(contracts, contracts.c.contract_id == claims.c.contract_id)
        .join(orders, orders.c.order_id == contracts.c.order_id)
        .where(
            claims.c.status != "rejected",
            claims.c.period_start >= period.start,
            claims.c.period_start <= period.end,
        )
        .group_by(orders.c.measure)
        .order_by(orders.c.measure)
    )
    return {row["measure"]: int(row["total"] or 0) for row in await read.all(query)}
