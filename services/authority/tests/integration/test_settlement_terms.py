"""Settlement by the contract's terms, through the real broker and database: the claim is
checked against the version in force for its period, a special economic agreement is its
own line, finance decides each line with a code, a credit note reduces what is paid, and
the claim is marked paid once."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import CONTACT, START, Running, countersign, offer_of, running_measure

V2 = {
    "price_per_unit_oere": 61_000,
    "unit": "hour",
    "special_economic_agreements": "Transport to the family: 400 kr a week",
    "payment_terms_days": 14,
    "authority_contact": CONTACT,
    "provider_contact": CONTACT,
}


async def version_2_in_force(stack: Stack, m: Running) -> None:
    path = f"/contracts/{m.contract_id}"
    assert (await stack.client.post(f"{path}/amend", json={"terms": V2}, headers=m.cw)).is_success
    assert (await stack.client.post(f"{path}/sign", headers=m.cw)).is_success
    await countersign(stack, await offer_of(stack, m.contract_id, 2))

    async def in_force() -> bool:
        got = await stack.client.get(path, headers=m.cw)
        return bool(got.json()["in_force_version"] == 2)

    assert await eventually(in_force)


def line(units: int, price: int, kind: wire.LineKind = wire.LineKind.SERVICE) -> wire.ClaimLine:
    return wire.ClaimLine(
        description="Support",
        kind=kind,
        quantity=units,
        unit=wire.PriceUnit.HOUR,
        unit_price_ore=price,
        amount_ore=units * price,
    )


def claim(m: Running, *lines: wire.ClaimLine) -> wire.ClaimSubmitted:
    return wire.ClaimSubmitted(
        claim_id=uuid4(),
        contract_id=m.contract_id,
        provider_id=m.provider,
        case_id=UUID(m.case_id),
        period_start=START,
        period_end=START + timedelta(days=6),
        lines=lines,
        total_ore=sum(x.amount_ore for x in lines),
    )


async def settled(stack: Stack, claim_id: UUID, kind: type[Any]) -> Any:
    def mine(records: list[Any]) -> list[Any]:
        return [e for _, _, e in records if isinstance(e, kind) and e.claim_id == claim_id]

    records = await stack.records(wire.topics.AUTHORITY_SETTLEMENTS, lambda r: bool(mine(r)))
    return mine(records)[0]


async def row(stack: Stack, claim_id: UUID, headers: dict[str, str]) -> dict[str, Any]:
    async def found() -> dict[str, Any] | None:
        got = await stack.client.get(f"/claims/{claim_id}", headers=headers)
        return got.json() if got.status_code == 200 else None

    result: dict[str, Any] = await eventually(found)
    return result


async def test_lines_are_decided_by_the_version_in_force_credited_and_paid(stack: Stack) -> None:
    # Given version 2 in force: a new price, a special economic agreement, 14 days to pay
    m = await running_measure(stack)
    await version_2_in_force(stack, m)
    finance = await stack.token("fin-1", "finance")
    transport = line(1, 40_000, wire.LineKind.SPECIAL_AGREEMENT)
    sent = claim(m, line(6, 61_000), transport, line(1, 61_000))

    # When the provider claims 6 hours, the transport, and a 7th hour beyond the scope
    await stack.produce(sent)

    # Then it is checked against version 2, the agreement billable, payment due in 14 days
    received = await settled(stack, sent.claim_id, wire.ClaimReceived)
    assert (received.contract_version, received.case_id) == (2, UUID(m.case_id))
    assert received.payment_due_on == received.received_on + timedelta(days=14)
    listed = await row(stack, sent.claim_id, finance)
    assert listed["contract_version"] == 2
    assert [x["kind"] for x in listed["lines"]] == ["service", "special_agreement", "service"]
    assert listed["problems"] == ["the claim has 7 units; the contract allows 6 in the period"]

    # When finance approves every line, it is refused; a rejection must be coded
    path = f"/claims/{sent.claim_id}/lines"
    every = [{"line": n, "approved": True} for n in (1, 2, 3)]
    refused = await stack.client.post(path, json={"lines": every}, headers=finance)
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/claim_does_not_match_contract")
    uncoded = [*every[:2], {"line": 3, "approved": False}]
    refused = await stack.client.post(path, json={"lines": uncoded}, headers=finance)
    assert refused.json()["type"].endswith("/rejection_reason_required")
    assert (await stack.client.post(path, json={"lines": every}, headers=m.cw)).status_code == 403

    # Given the provider's credit note of 100 kr before the decision
    note = wire.ClaimCredited(
        claim_id=sent.claim_id,
        credit_note_id=uuid4(),
        contract_id=m.contract_id,
        provider_id=m.provider,
        amount_ore=10_000,
        reason="One visit was shorter",
    )
    await stack.produce(note)

    async def credited() -> bool:
        return bool((await row(stack, sent.claim_id, finance))["credited_oere"] == 10_000)

    assert await eventually(credited)

    # When finance approves lines 1 and 2 and rejects the 7th hour as beyond the scope
    decided = [*every[:2], {"line": 3, "approved": False, "reason_code": "exceeds_scope"}]
    ok = await stack.client.post(path, json={"lines": decided}, headers=finance)
    assert ok.status_code == 200, ok.text

    # Then the provider hears each line's outcome, and what is approved less the credit note
    approved = await settled(stack, sent.claim_id, wire.ClaimApproved)
    assert approved.approved_total_ore == 6 * 61_000 + 40_000 - 10_000
    assert approved.payment_due_on == received.payment_due_on
    assert [(x.line, x.approved, x.reason_code) for x in approved.lines] == [
        (1, True, None),
        (2, True, None),
        (3, False, wire.LineRejection.EXCEEDS_SCOPE),
    ]

    # When finance marks it paid, once
    paid_path = f"/claims/{sent.claim_id}/paid"
    today = {"paid_on": date.today().isoformat()}
    assert (await stack.client.post(paid_path, json=today, headers=finance)).status_code == 200
    again = await stack.client.post(paid_path, json=today, headers=finance)
    assert again.json()["type"].endswith("/claim_already_paid")
    paid = await settled(stack, sent.claim_id, wire.ClaimPaid)
    assert paid.paid_total_ore == approved.approved_total_ore
    final = await row(stack, sent.claim_id, finance)
    assert (final["status"], final["paid_on"]) == ("paid", date.today().isoformat())
    assert [x["outcome"] for x in final["lines"]] == ["approved", "approved", "rejected"]


async def test_a_special_agreement_is_not_billable_under_a_version_without_one(
    stack: Stack,
) -> None:
    # Given version 1 in force, with no special economic agreements
    m = await running_measure(stack)
    finance = await stack.token("fin-1", "finance")
    sent = claim(m, line(6, 50_000), line(1, 40_000, wire.LineKind.SPECIAL_AGREEMENT))
    await stack.produce(sent)
    listed = await row(stack, sent.claim_id, finance)
    # Then the line is suggested for rejection, and approving it is refused
    assert listed["lines"][1]["suggested_reason_code"] == "no_special_agreement"
    refused = await stack.client.post(f"/claims/{sent.claim_id}/approve", headers=finance)
    assert "has no special economic agreements" in refused.json()["detail"]
    # And an unpaid claim cannot be marked paid
    early = await stack.client.post(
        f"/claims/{sent.claim_id}/paid", json={"paid_on": "2026-12-01"}, headers=finance
    )
    assert early.json()["type"].endswith("/claim_not_approved")
