"""Approved decisions in bulk, through the authority's own API, for benchmarks and long runs.

Every order rests on an approved decision of its own (a decision has at most one open
order), so N orders need N approved decisions; ten to a case keeps a case stream short
(about 25 events, as in real casework) and costs about two requests per order, not six.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx

DECISIONS_PER_CASE = 10
CONCURRENT_CASES = 8  # cases are set up side by side; one case's steps stay in order
CHILD = {"name": "Bench Barn", "cpr": "0101150000"}  # invented
PARENT = {"name": "Bench Forælder", "cpr": "0101850000"}  # invented


@dataclass(frozen=True, slots=True)
class Slot:
    """What one order needs: the case and an approved decision with no order yet."""

    case_id: str
    decision_id: str


def ok(response: httpx.Response, status: int = 200) -> Any:
    if response.status_code != status:
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
    return response.json() if response.content else None


async def slots(cw: httpx.AsyncClient, tl: httpx.AsyncClient, count: int) -> list[Slot]:
    """``count`` approved decisions, DECISIONS_PER_CASE to a case (caseworker, team leader)."""
    cases = -(-count // DECISIONS_PER_CASE)
    gate = asyncio.Semaphore(CONCURRENT_CASES)

    async def one() -> list[Slot]:
        async with gate:
            return await _case(cw, tl)

    made = await asyncio.gather(*(one() for _ in range(cases)))
    return [slot for case in made for slot in case][:count]


async def _case(cw: httpx.AsyncClient, tl: httpx.AsyncClient) -> list[Slot]:
    body = {"child": CHILD, "parents": [PARENT], "custody": {"kind": "mother"}}
    case_id = ok(await cw.post("/cases", json=body | {"contact_person": "Bench CW"}), 201)[
        "case_id"
    ]
    ok(await cw.post(f"/cases/{case_id}/investigation/start"))
    ok(await cw.post(f"/cases/{case_id}/investigation/conclude", json={"summary": "Bench"}))
    made = [Slot(case_id, await _decision(cw, tl, case_id))]
    goals = [{"area": "school", "text": "Møder i skole"}]
    ok(
        await cw.post(
            f"/cases/{case_id}/action-plans", json={"goals": goals, "participants": ["child"]}
        ),
        201,
    )
    for _ in range(DECISIONS_PER_CASE - 1):
        made.append(Slot(case_id, await _decision(cw, tl, case_id)))
    return made


async def _decision(cw: httpx.AsyncClient, tl: httpx.AsyncClient, case_id: str) -> str:
    proposal = {
        "measure": "sel_52_3_2",
        "assessment": "Bench",
        "reason": "Bench",
        "purpose": "Bench",
        "expected_duration_months": 6,
        "plan_made": True,
        "consent": {"given_by": ["mother"], "given_on": str(date.today() - timedelta(days=1))},
    }
    decision = ok(await cw.post(f"/cases/{case_id}/decisions", json=proposal), 201)
    decision_id = str(decision["decision_id"])
    ok(await tl.post(f"/cases/{case_id}/decisions/{decision_id}/approve"))
    return decision_id


def order_body(slot: Slot, provider_id: str) -> dict[str, Any]:
    return {
        "case_id": slot.case_id,
        "decision_id": slot.decision_id,
        "provider_id": provider_id,
        "scope": {"hours": 6, "per": "week"},
        "frequency": {"times": 2, "per": "week"},
        "start": str(date.today() + timedelta(days=14)),
        "expected_duration_months": 12,
    }
