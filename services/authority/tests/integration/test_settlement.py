"""Settlement: claims in from the provider, checked and decided by finance only."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import START, Running, running_measure


def claim(m: Running, start: date, units: int, price: int) -> wire.ClaimSubmitted:
    line = wire.ClaimLine(
        description="Family support",
        quantity=units,
        unit=wire.PriceUnit.HOUR,
        unit_price_ore=price,
        amount_ore=units * price,
    )
    return wire.ClaimSubmitted(
        claim_id=uuid4(),
        contract_id=m.contract_id,
        provider_id=m.provider,
        case_id=UUID(m.case_id),
        period_start=start,
        period_end=start + timedelta(days=6),
        lines=(line,),
        total_ore=units * price,
    )


async def received(stack: Stack, m: Running, claim_id: UUID) -> dict[str, Any]:
    async def listed() -> dict[str, Any] | None:
        got = await stack.client.get(
            "/claims", params={"contract_id": str(m.contract_id)}, headers=m.cw
        )
        return next((c for c in got.json() if c["claim_id"] == str(claim_id)), None)

    row: dict[str, Any] = await eventually(listed)
    assert row is not None
    return row


async def decisions(stack: Stack, claim_id: UUID) -> list[wire.IntegrationEvent]:
    def mine(records: list[Any]) -> list[wire.IntegrationEvent]:
        return [
            e
            for _, _, e in records
            if getattr(e, "claim_id", None) == claim_id and not isinstance(e, wire.ClaimReceived)
        ]

    records = await stack.records(wire.topics.AUTHORITY_SETTLEMENTS, lambda r: bool(mine(r)))
    return mine(records)


async def test_a_claim_within_the_contract_is_approved_by_finance(stack: Stack) -> None:
    m = await running_measure(stack)
    finance = await stack.token("fin-1", "finance")
    clean = claim(m, START, units=6, price=50_000)  # 6 hours a week at the contract price
    await stack.produce(clean)
    row = await received(stack, m, clean.claim_id)
    assert row["status"] == "received"
    assert row["problems"] == []
    assert row["total_oere"] == 300_000

    refused = await stack.client.post(f"/claims/{clean.claim_id}/approve", headers=m.cw)
    assert refused.status_code == 403  # a caseworker does not approve payments

    approved = await stack.client.post(f"/claims/{clean.claim_id}/approve", headers=finance)
    assert approved.status_code == 200, approved.text
    [event] = await decisions(stack, clean.claim_id)
    assert isinstance(event, wire.ClaimApproved)
    assert event.approved_total_ore == 300_000
    assert event.payment_due_on == date.today() + timedelta(days=30)


async def test_a_claim_off_the_contract_is_refused_with_reasons_then_rejected(
    stack: Stack,
) -> None:
    m = await running_measure(stack)
    finance = await stack.token("fin-1", "finance")
    # Wrong price, before the contract starts, and far over six hours a week.
    bad = claim(m, START - timedelta(days=10), units=40, price=45_000)
    await stack.produce(bad)
    row = await received(stack, m, bad.claim_id)
    assert len(row["problems"]) == 3

    refused = await stack.client.post(f"/claims/{bad.claim_id}/approve", headers=finance)
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["type"].endswith("/claim_does_not_match_contract")
    assert "differs from the contract price" in problem["detail"]
    assert "outside the contract period" in problem["detail"]
    assert "the contract allows 6" in problem["detail"]

    rejected = await stack.client.post(
        f"/claims/{bad.claim_id}/reject", json={"reason": "Price and period"}, headers=finance
    )
    assert rejected.status_code == 200, rejected.text
    [event] = await decisions(stack, bad.claim_id)
    assert isinstance(event, wire.ClaimRejected)
    assert event.reason == "Price and period"
    statuses = await stack.client.get("/claims", params={"status": "rejected"}, headers=finance)
    assert [c["claim_id"] for c in statuses.json()] == [str(bad.claim_id)]
