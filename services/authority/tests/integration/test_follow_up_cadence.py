"""A follow-up cadence (opfølgning, barnets lov § 95) the scheduler cannot honour is refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
import samspil_contracts as wire
from samspil_contracts import FOLLOW_UP_CADENCE_MONTHS

from .conftest import Stack, eventually
from .flows import Running, running_measure

WHY = "Stabil hverdag; barnet og forældrene er orienteret"


@pytest.mark.parametrize("months", [0, FOLLOW_UP_CADENCE_MONTHS.stop, 36])
async def test_barnets_lov_95_a_cadence_outside_the_bound_is_refused_as_problem(
    stack: Stack, months: int
) -> None:
    # Given a measure in delivery under a contract in force
    m = await running_measure(stack)
    before = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()["revision"]
    # When the caseworker sets a cadence the scheduler does not honour
    body = {"contract_id": str(m.contract_id), "months": months, "justification": WHY}
    refused = await stack.client.post(
        f"/cases/{m.case_id}/follow-up-cadence", json=body, headers=m.cw
    )
    # Then it is refused as problem+json with a stable code, and nothing is stored
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["type"].endswith("/cadence_out_of_range")
    after = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()["revision"]
    assert after == before


@pytest.mark.parametrize("months", [12, FOLLOW_UP_CADENCE_MONTHS.stop - 1])
async def test_barnets_lov_95_a_yearly_or_two_yearly_cadence_is_accepted(
    stack: Stack, months: int
) -> None:
    # Given a measure in delivery under a contract in force
    m = await running_measure(stack)
    # When the caseworker decides a slower arrangement, justified
    body = {"contract_id": str(m.contract_id), "months": months, "justification": WHY}
    set_ = await stack.client.post(f"/cases/{m.case_id}/follow-up-cadence", json=body, headers=m.cw)
    # Then it is accepted
    assert set_.status_code == 200, set_.text


async def open_follow_up(stack: Stack, m: Running) -> str:
    now = datetime.now(UTC)
    due = wire.DeadlineReached(
        deadline_id=uuid4(), kind=wire.DeadlineKind.FOLLOW_UP_DUE,
        phase=wire.DeadlinePhase.DUE, subject=str(m.contract_id), case_id=UUID(m.case_id),
        contract_id=m.contract_id, due_at=now, fired_at=now,
    )  # fmt: skip
    await stack.produce(due, producer="/samspil/scheduler")

    async def opened() -> Any:
        got = await stack.client.get(f"/cases/{m.case_id}/follow-ups", headers=m.cw)
        return got.json()

    return str((await eventually(opened))[0]["followup_id"])


async def test_barnets_lov_95_the_first_follow_up_decides_the_arrangement_after_it(
    stack: Stack,
) -> None:
    # Given a measure's first follow-up, due
    m = await running_measure(stack)
    followup_id = await open_follow_up(stack, m)
    url = f"/follow-ups/{followup_id}/outcome"
    held = {"outcome": "continue", "notes": "Trivsel i skole og hjem"}
    # When the caseworker holds it and decides an arrangement the scheduler cannot honour
    too_slow = {**held, "arrangement": {"months": 36, "justification": WHY}}
    refused = await stack.client.post(url, json=too_slow, headers=m.cw)
    # Then it is refused and the follow-up is still open
    assert refused.status_code == 422, refused.text
    assert refused.json()["type"].endswith("/cadence_out_of_range")
    follow_ups = await stack.client.get(f"/cases/{m.case_id}/follow-ups", headers=m.cw)
    assert follow_ups.json()[0]["outcome"] is None
    # When the caseworker decides every 12 months, justified to the child and the parents
    yearly = {**held, "arrangement": {"months": 12, "justification": WHY}}
    ok = await stack.client.post(url, json=yearly, headers=m.cw)
    assert ok.status_code == 200, ok.text

    # Then the scheduler hears the arrangement before the follow-up held (same case, in order)
    def mine(e: object) -> bool:
        wanted = (wire.FollowUpCadenceSet, wire.FollowUpHeld)
        return isinstance(e, wanted) and e.contract_id == m.contract_id

    records = await stack.records(
        wire.topics.AUTHORITY_CASES,
        lambda r: sum(mine(e) for _, _, e in r) >= 2,
    )
    events = [e for _, _, e in records if mine(e)]
    assert [type(e) for e in events] == [wire.FollowUpCadenceSet, wire.FollowUpHeld]
    cadence = events[0]
    assert isinstance(cadence, wire.FollowUpCadenceSet)
    assert (cadence.interval_months, cadence.justification) == (12, WHY)
    case = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()
    assert case["follow_up_months"] == 12
