"""Credit notes: part of a claim credited, announced to the authority, never beyond the claim."""

from __future__ import annotations

import uuid

import pytest
from samspil_contracts import ClaimCredited, ContractOffered, topics
from samspil_contracts.testing import example_event

pytestmark = pytest.mark.integration
ANSWER = {"expected_start": "2025-04-01", "contact": {"name": "C", "email": "c@example.invalid"}}


@pytest.fixture(scope="module")
async def claim_id(stack, tenant_a) -> uuid.UUID:
    """A submitted claim of 4 hours at the contract price (200,000 øre) under a signed contract."""
    h = tenant_a.headers
    order = await stack.placed(tenant_a)
    await stack.http.post(f"/orders/{order.order_id}/accept", json=ANSWER, headers=h)
    offer = example_event(ContractOffered).model_copy(
        update={"contract_id": uuid.uuid4(), "provider_id": tenant_a.tenant_id,
                "order_id": order.order_id, "case_id": order.case_id}
    )  # fmt: skip
    await stack.kafka.send(offer)
    path = f"/contracts/{offer.contract_id}"
    await stack.eventually(lambda: stack.get(path, tenant_a, ok=True))
    await stack.http.post(f"{path}/countersign", json={"version": 1}, headers=h)
    body = {
        "contract_id": str(offer.contract_id),
        "claim_number": "INV-CN-1",
        "period_start": "2025-04-01",
        "period_end": "2025-04-30",
        "lines": [{"description": "Hours", "units": 4, "unit_price_oere": 50_000}],
    }
    created = await stack.http.post("/claims", json=body, headers=h)
    assert created.status_code == 201, created.text
    return uuid.UUID(created.json()["claim_id"])


async def test_a_credit_note_is_recorded_announced_and_idempotent(stack, tenant_a, claim_id):
    # When the coordinator credits one hour, twice with the same note id (a retry)
    note = {"credit_note_id": str(uuid.uuid4()), "amount_oere": 50_000, "reason": "Cancelled"}
    for _ in range(2):
        response = await stack.http.post(
            f"/claims/{claim_id}/credit-notes", json=note, headers=tenant_a.headers
        )
        assert response.status_code == 201, response.text
    # Then the claim shows it once, and the authority is told
    claim = (await stack.get(f"/claims/{claim_id}", tenant_a)).json()
    assert (claim["total_oere"], claim["credited_oere"]) == (200_000, 50_000)
    _, credited = await stack.kafka.event(
        topics.PROVIDER_CLAIMS, lambda e: isinstance(e, ClaimCredited) and e.claim_id == claim_id
    )
    assert (credited.amount_ore, str(credited.credit_note_id)) == (50_000, note["credit_note_id"])


async def test_crediting_more_than_is_left_is_refused(stack, tenant_a, claim_id):
    note = {"amount_oere": 250_000, "reason": "More than claimed"}
    response = await stack.http.post(
        f"/claims/{claim_id}/credit-notes", json=note, headers=tenant_a.headers
    )
    assert response.status_code == 422
    assert response.json()["type"].endswith("/credit_exceeds_claim")
