"""A follow-up cadence (opfølgning, barnets lov § 95) the scheduler cannot honour is refused."""

from __future__ import annotations

import pytest
from samspil_contracts import FOLLOW_UP_CADENCE_MONTHS

from .conftest import Stack
from .flows import running_measure

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
