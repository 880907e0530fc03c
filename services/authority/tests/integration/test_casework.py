"""Casework through the HTTP API, with the events it sends and receives on the broker."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
import samspil_contracts as wire
import sqlalchemy as sa
from samspil_contracts.agreements import Signature
from servicekit.crypto import KeyMissing, derive_transport_key, unseal
from servicekit.settings import DEV_TRANSPORT_MASTER
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack, eventually
from .flows import (
    CPR,
    decided_case,
    decision_body,
    framework_in_force,
    open_case,
)

PROVIDER = UUID("00000000-0000-4000-8000-0000000000a1")


async def test_a_decision_needs_a_concluded_investigation(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    resp = await stack.client.post(
        f"/cases/{case_id}/decisions",
        json={"measure": "sel_52_3_2", "assessment": "x"},
        headers=cw,
    )
    assert resp.status_code == 422
    assert resp.json()["type"].endswith("/investigation_not_concluded")


async def test_section_32_the_api_refuses_a_proposal_without_consent_or_justification(
    stack: Stack,
) -> None:
    # Given a case whose child investigation is still running
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    post = stack.client.post
    body = decision_body("mother")
    # When a proposal lacks the custody holder's consent (§ 32, stk. 2)
    no_consent = await post(
        f"/cases/{case_id}/decisions", json=body | {"consent": None}, headers=cw
    )
    # Or starts in parallel with the investigation without saying why (§ 32, stk. 4)
    unjustified = await post(f"/cases/{case_id}/decisions", json=body, headers=cw)
    # Then both are refused as problem+json with stable codes
    assert no_consent.status_code == 422
    assert no_consent.headers["content-type"].startswith("application/problem+json")
    assert no_consent.json()["type"].endswith("/custody_consent_missing")
    assert unjustified.json()["type"].endswith("/parallel_justification_required")
    # And with a justification the parallel start is recorded on the case
    why = {"parallel_justification": "The family cannot wait for the conclusion"}
    done = await post(f"/cases/{case_id}/decisions", json=body | why, headers=cw)
    assert done.status_code == 201, done.text
    case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    decision = case["decisions"][0]
    assert decision["basis"] == "parallel"
    assert decision["purpose"] == body["purpose"]
    assert decision["expected_duration_months"] == 6
    assert decision["consent"]["given_by"] == ["mother"]


async def test_the_proposer_cannot_approve_their_own_decision(stack: Stack) -> None:
    both = await stack.token("cw-2", "caseworker", "team_leader")
    case_id = await open_case(stack, both)
    await stack.client.post(f"/cases/{case_id}/investigation/start", headers=both)
    await stack.client.post(
        f"/cases/{case_id}/investigation/conclude", json={"summary": "s"}, headers=both
    )
    proposed = await stack.client.post(
        f"/cases/{case_id}/decisions",
        json=decision_body("mother", measure="sel_52_3_3"),
        headers=both,
    )
    decision_id = proposed.json()["decision_id"]
    resp = await stack.client.post(
        f"/cases/{case_id}/decisions/{decision_id}/approve", headers=both
    )
    assert resp.status_code == 422
    assert resp.json()["type"].endswith("/four_eyes_required")


async def test_a_stale_revision_is_refused_with_the_current_one(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)  # revision 2
    resp = await stack.client.post(
        f"/cases/{case_id}/investigation/conclude",
        json={"summary": "done", "expected_revision": 1},
        headers=cw,
    )
    assert resp.status_code == 409
    assert resp.json()["current_revision"] == 2


async def test_as_of_shows_the_case_as_it_stood(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    before = datetime.now(UTC)
    await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    now = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    then = await stack.client.get(
        f"/cases/{case_id}", params={"as_of": before.isoformat()}, headers=cw
    )
    assert now["investigation"] is not None
    assert now["revision"] == 2
    assert then.json()["investigation"] is None
    assert then.json()["revision"] == 1
    assert then.json()["child"]["cpr"] == "******-****"


async def test_order_out_answer_in_contract_in_force(stack: Stack) -> None:
    case_id, decision_id, cw = await decided_case(stack)
    placed = await stack.client.post(
        "/orders",
        json={
            "case_id": case_id,
            "decision_id": decision_id,
            "provider_id": str(PROVIDER),
            "scope": {"hours": 6, "per": "week"},
            "frequency": {"times": 2, "per": "week"},
            "start": str(date.today() + timedelta(days=14)),
            "expected_duration_months": 6,
        },
        headers=cw,
    )
    assert placed.status_code == 201, placed.text
    order_id = UUID(placed.json()["order_id"])

    # Then OrderPlaced is on the orders topic, the child sealed with the child's own key,
    records = await stack.records(
        wire.topics.AUTHORITY_ORDERS,
        lambda found: any(getattr(e, "order_id", None) == order_id for _, _, e in found),
    )
    raw, _, event = next(r for r in records if getattr(r[2], "order_id", None) == order_id)
    assert isinstance(event, wire.OrderPlaced)
    assert CPR.encode() not in raw
    assert CPR.replace("-", "").encode() not in raw
    # and that key is granted to this provider only, wrapped with its transport key.
    grants = await stack.records(
        wire.topics.AUTHORITY_CHILD_KEYS,
        lambda found: any(getattr(e, "provider_id", None) == PROVIDER for _, _, e in found),
    )
    grant = next(e for _, _, e in grants if getattr(e, "provider_id", None) == PROVIDER)
    assert isinstance(grant, wire.ChildKeyGranted)
    assert event.child.kid == f"child:{grant.child_id}"
    master = base64.urlsafe_b64decode(DEV_TRANSPORT_MASTER + "=" * (-len(DEV_TRANSPORT_MASTER) % 4))
    kid, transport = derive_transport_key(master, str(PROVIDER))
    aad = f"child-key:{grant.child_id}".encode()
    child_key = unseal({kid: transport}, grant.wrapped_key.model_dump(), aad)
    sealed = event.child.model_dump()
    with pytest.raises(KeyMissing):  # the transport key alone opens nothing
        unseal({kid: transport}, sealed, str(order_id).encode())
    child = json.loads(unseal({sealed["kid"]: child_key}, sealed, str(order_id).encode()))
    assert child == {"name": "Alma Hansen", "cpr": CPR.replace("-", "")}

    # When the provider accepts, the order reads as accepted.
    await stack.produce(
        wire.OrderAccepted(
            order_id=order_id,
            case_id=UUID(case_id),
            provider_id=PROVIDER,
            provider_contact=wire.ContactPerson(name="P", email="p@example.invalid"),
            expected_start=date.today() + timedelta(days=14),
        )
    )

    async def accepted() -> bool:
        got = await stack.client.get(f"/orders/{order_id}", headers=cw)
        return bool(got.json()["status"] == "accepted")

    assert await eventually(accepted)
    contract_id = await _contract_signed_by_both(stack, order_id, cw)
    contract = (await stack.client.get(f"/contracts/{contract_id}", headers=cw)).json()
    assert contract["in_force"] is True
    in_force = await stack.records(
        wire.topics.AUTHORITY_CONTRACTS,
        lambda found: any(isinstance(e, wire.ContractInForce) for _, _, e in found),
    )
    assert any(
        isinstance(e, wire.ContractInForce) and e.contract_id == contract_id for _, _, e in in_force
    )
    await _no_cpr_stored(stack)


async def _contract_signed_by_both(stack: Stack, order_id: UUID, cw: dict[str, str]) -> UUID:
    contact = {"name": "C", "email": "c@example.invalid"}
    await framework_in_force(stack, PROVIDER, cw)
    drafted = await stack.client.post(
        "/contracts",
        json={
            "order_id": str(order_id),
            "terms": {
                "price_per_unit_oere": 50_000,
                "unit": "hour",
                "authority_contact": contact,
                "provider_contact": contact,
            },
        },
        headers=cw,
    )
    assert drafted.status_code == 201, drafted.text
    contract_id = UUID(drafted.json()["contract_id"])
    assert (
        await stack.client.post(f"/contracts/{contract_id}/sign", headers=cw)
    ).status_code == 200
    not_yet = (await stack.client.get(f"/contracts/{contract_id}", headers=cw)).json()
    assert not_yet["in_force"] is False
    offers = await stack.records(
        wire.topics.AUTHORITY_CONTRACTS,
        lambda found: any(getattr(e, "contract_id", None) == contract_id for _, _, e in found),
    )
    offer: Any = next(e for _, _, e in offers if getattr(e, "contract_id", None) == contract_id)
    await stack.produce(
        wire.ContractCountersigned(
            contract_id=contract_id,
            version=offer.version,
            provider_id=PROVIDER,
            terms_sha256=offer.terms_sha256,
            provider_signature=Signature(
                party=wire.Party.PROVIDER, signed_by="Provider", signed_at=datetime.now(UTC)
            ),
        )
    )

    async def in_force() -> bool:
        got = await stack.client.get(f"/contracts/{contract_id}", headers=cw)
        return bool(got.json()["in_force"])

    assert await eventually(in_force)
    return contract_id


async def _no_cpr_stored(stack: Stack) -> None:
    engine = create_async_engine(stack.db_url)
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(sa.text("select data::text, metadata::text from events"))
            ).all()
    finally:
        await engine.dispose()
    text = "\n".join(f"{d}{m}" for d, m in rows)
    assert rows
    assert CPR.replace("-", "") not in text
    assert CPR not in text
    assert "Alma" not in text


async def test_barnets_lov_92_the_api_refuses_a_plan_without_participants(stack: Stack) -> None:
    # Given a case with an approved decision (and its plan, made with the child and mother)
    case_id, _, cw = await decided_case(stack)
    post = stack.client.post
    goals = [{"area": "school", "text": "Attends school daily"}]
    # When a new plan version names no one who made its goals
    refused = await post(f"/cases/{case_id}/action-plans", json={"goals": goals}, headers=cw)
    # Then it is refused as problem+json with a stable code and Danish and English texts
    assert refused.status_code == 422
    assert refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert problem["type"].endswith("/plan_participants_missing")
    assert "§ 92" in problem["texts"]["da"]
    assert "§ 92" in problem["texts"]["en"]
    # And the plan on the case keeps who made its goals
    case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
    assert sorted(case["action_plans"][-1]["participants"]) == ["child", "mother"]


async def test_barnets_lov_91_the_api_refuses_a_section_32_decision_without_the_plan_choice(
    stack: Stack,
) -> None:
    cw = await stack.token("cw-plan", "caseworker")
    case_id = await open_case(stack, cw)
    await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    await stack.client.post(
        f"/cases/{case_id}/investigation/conclude", json={"summary": "s"}, headers=cw
    )
    body = decision_body("mother") | {"plan_made": None}
    refused = await stack.client.post(f"/cases/{case_id}/decisions", json=body, headers=cw)
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/plan_choice_required")
    assert "barnets plan" in refused.json()["texts"]["da"]
