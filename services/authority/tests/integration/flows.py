"""Steps shared by the integration tests: a decided case, a standard contract, an order the
provider accepted, and an individual contract both parties signed."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from samspil_contracts.agreements import Signature
from servicekit.crypto import derive_transport_key, seal
from servicekit.settings import DEV_TRANSPORT_MASTER

from .conftest import Stack, eventually

CPR = "120315-4321"  # invented
CONTACT = {"name": "C", "email": "c@example.invalid"}
START = date.today() + timedelta(days=14)


async def open_case(stack: Stack, headers: dict[str, str]) -> str:
    body = {
        "child": {"name": "Alma Hansen", "cpr": CPR},
        "parents": [{"name": "Mette Hansen", "cpr": "010180-2222"}],
        "custody": {"kind": "mother"},
        "contact_person": "Karen Caseworker",
    }
    resp = await stack.client.post("/cases", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["case_id"])


async def decided_case(stack: Stack) -> tuple[str, str, dict[str, str]]:
    """A case with a concluded investigation, an approved decision and an action plan."""
    cw = await stack.token("cw-1", "caseworker")
    tl = await stack.token("tl-1", "team_leader")
    case_id = await open_case(stack, cw)
    post = stack.client.post
    assert (await post(f"/cases/{case_id}/investigation/start", headers=cw)).status_code == 200
    concluded = await post(
        f"/cases/{case_id}/investigation/conclude", json={"summary": "Needs support"}, headers=cw
    )
    assert concluded.status_code == 200, concluded.text
    proposed = await post(
        f"/cases/{case_id}/decisions",
        json=decision_body("mother"),
        headers=cw,
    )
    decision_id = proposed.json()["decision_id"]
    approved = await post(f"/cases/{case_id}/decisions/{decision_id}/approve", headers=tl)
    assert approved.status_code == 200, approved.text
    plan = await post(
        f"/cases/{case_id}/action-plans",
        json={
            "goals": [{"area": "school", "text": "Attends school daily"}],
            "participants": ["child", "mother"],
        },
        headers=cw,
    )
    assert plan.status_code == 201, plan.text
    return case_id, decision_id, cw


def decision_body(*consenting: str, measure: str = "sel_52_3_2") -> dict[str, Any]:
    """A proposal as barnets lov § 32 asks: purpose, expected duration, the custody holders'
    consent (dated yesterday: never after the decision, whatever the time zone)."""
    return {
        "measure": measure,
        "assessment": "Support in the home helps",
        "purpose": "Calm mornings and the child at school on time",
        "expected_duration_months": 6,
        "consent": {"given_by": list(consenting), "given_on": str(date.today() - timedelta(1))},
        "plan_made": True,  # barnets plan (§ 91)
    }


def standard_body(provider: UUID, measure: str = "sel_52_3_2") -> dict[str, Any]:
    """A standard contract with the seeds' general and measure-specific terms."""
    demands = {
        "opening_hours": "Weekdays 8-20",
        "training": "Social educators",
        "involvement": "Parents take part in every plan",
        "confidentiality": "Duty of confidentiality",
        "duty_to_notify": "Notify the authority of any concern at once",
        "data_storage": "Encrypted, kept 5 years",
        "use_of_force": "Reported within 24 hours",
    }
    return {
        "provider_id": str(provider),
        "measure": measure,
        "authority_contact": CONTACT,
        "provider_contact": CONTACT,
        "general": {
            "ethics": "Respect for the family",
            "payment": "Monthly in arrears",
            "disputes_and_breach": "Negotiation, then the courts",
            "sanctions_and_termination": "Three months' notice",
        },
        "specific": {
            "purpose": "Support in the home",
            "demands_on_authority": "Clear orders with goals",
            "demands_on_provider": demands,
            "places": 12,
            "insurance": "Liability insurance",
            "follow_up": "Status report before each follow-up",
            "price_per_unit_oere": 50_000,
            "unit": "hour",
            "price_regulation": "Yearly by the wage index",
            "start": str(date.today()),
            "duration_months": 24,
        },
    }


async def standard_contract(stack: Stack, provider: UUID, cw: dict[str, str]) -> UUID:
    resp = await stack.client.post("/standard-contracts", json=standard_body(provider), headers=cw)
    assert resp.status_code == 201, resp.text
    return UUID(resp.json()["standard_contract_id"])


async def framework_in_force(stack: Stack, provider: UUID, cw: dict[str, str]) -> UUID:
    """A standard contract (rammekontrakt) both parties signed: individual ones go under it."""
    standard_id = await standard_contract(stack, provider, cw)
    signed = await stack.client.post(f"/standard-contracts/{standard_id}/sign", headers=cw)
    assert signed.status_code == 200, signed.text
    await countersign(stack, await offer_of(stack, standard_id, 1))

    async def in_force() -> bool:
        got = await stack.client.get(f"/standard-contracts/{standard_id}", headers=cw)
        return bool(got.json()["in_force"])

    assert await eventually(in_force)
    return standard_id


async def accepted_order(stack: Stack, provider: UUID) -> tuple[str, UUID, dict[str, str]]:
    case_id, decision_id, cw = await decided_case(stack)
    placed = await stack.client.post(
        "/orders",
        json={
            "case_id": case_id,
            "decision_id": decision_id,
            "provider_id": str(provider),
            "scope": {"hours": 6, "per": "week"},
            "frequency": {"times": 2, "per": "week"},
            "start": str(START),
            "expected_duration_months": 6,
        },
        headers=cw,
    )
    assert placed.status_code == 201, placed.text
    order_id = UUID(placed.json()["order_id"])
    await stack.produce(
        wire.OrderAccepted(
            order_id=order_id,
            case_id=UUID(case_id),
            provider_id=provider,
            provider_contact=wire.ContactPerson(name="P", email="p@example.invalid"),
            expected_start=START,
        )
    )

    async def accepted() -> bool:
        got = await stack.client.get(f"/orders/{order_id}", headers=cw)
        return bool(got.json()["status"] == "accepted")

    assert await eventually(accepted)
    return case_id, order_id, cw


async def offer_of(stack: Stack, contract_id: UUID, version: int) -> wire.ContractOffered:
    def found(records: list[Any]) -> list[wire.ContractOffered]:
        return [
            e
            for _, _, e in records
            if isinstance(e, wire.ContractOffered)
            and e.contract_id == contract_id
            and e.version == version
        ]

    records = await stack.records(wire.topics.AUTHORITY_CONTRACTS, lambda r: bool(found(r)))
    offers = found(records)
    assert offers, f"no ContractOffered v{version} for {contract_id}"
    return offers[-1]


async def countersign(stack: Stack, offer: wire.ContractOffered) -> None:
    await stack.produce(
        wire.ContractCountersigned(
            contract_id=offer.contract_id,
            version=offer.version,
            provider_id=offer.provider_id,
            terms_sha256=offer.terms_sha256,
            provider_signature=Signature(
                party=wire.Party.PROVIDER, signed_by="Provider", signed_at=datetime.now(UTC)
            ),
        )
    )


async def in_force(stack: Stack, contract_id: UUID, cw: dict[str, str]) -> bool:
    got = await stack.client.get(f"/contracts/{contract_id}", headers=cw)
    return bool(got.json()["in_force"])


async def draft_contract(stack: Stack, order_id: UUID, cw: dict[str, str]) -> Any:
    return await stack.client.post(
        "/contracts",
        json={
            "order_id": str(order_id),
            "terms": {
                "price_per_unit_oere": 50_000,
                "unit": "hour",
                "authority_contact": CONTACT,
                "provider_contact": CONTACT,
            },
        },
        headers=cw,
    )


async def sign_both(stack: Stack, order_id: UUID, cw: dict[str, str]) -> UUID:
    drafted = await draft_contract(stack, order_id, cw)
    assert drafted.status_code == 201, drafted.text
    contract_id = UUID(drafted.json()["contract_id"])
    signed = await stack.client.post(f"/contracts/{contract_id}/sign", headers=cw)
    assert signed.status_code == 200, signed.text
    assert not await in_force(stack, contract_id, cw)
    await countersign(stack, await offer_of(stack, contract_id, 1))
    assert await eventually(lambda: in_force(stack, contract_id, cw))
    return contract_id


@dataclass(frozen=True)
class Running:
    """A measure in delivery: the case, its order and the individual contract in force."""

    case_id: str
    order_id: UUID
    contract_id: UUID
    provider: UUID
    cw: dict[str, str]


async def running_measure(stack: Stack, provider: UUID | None = None) -> Running:
    provider = provider or uuid4()
    cw = await stack.token("cw-1", "caseworker")
    await framework_in_force(stack, provider, cw)
    case_id, order_id, cw = await accepted_order(stack, provider)
    contract_id = await sign_both(stack, order_id, cw)
    return Running(case_id, order_id, contract_id, provider, cw)


def sealed_for(provider: UUID, text: str, aad: UUID) -> wire.Sealed:
    """What a provider sends about the child: sealed with its transport key."""
    master = base64.urlsafe_b64decode(DEV_TRANSPORT_MASTER + "=" * (-len(DEV_TRANSPORT_MASTER) % 4))
    kid, key = derive_transport_key(master, str(provider))
    return wire.Sealed.model_validate(seal(key, kid, text.encode(), str(aad).encode()))
