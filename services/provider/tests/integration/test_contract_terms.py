"""Issue 19, defect 1: the provider is shown every term it countersigns, and the hash it
signs is the one it can recompute from them (docs/contract-hash.md); a hash that is not
is refused."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date
from typing import Any

import pytest
from samspil_contracts import (
    ContactPerson,
    ContractCountersigned,
    ContractKind,
    ContractOffered,
    FrameworkRef,
    IndividualTerms,
    OrderPlaced,
    Price,
    PriceUnit,
    Sealed,
    StandardTerms,
    terms_sha256,
    topics,
)
from samspil_contracts.terms import GeneralTerms, MeasureSpecificTerms, ProviderDemands
from samspil_contracts.testing import example_event
from servicekit.crypto import seal

pytestmark = pytest.mark.integration
CONTACT = ContactPerson(name="Sagsbehandler", email="cw@example.invalid")
PROVIDER = ContactPerson(name="Leder", email="leder@example.invalid")
PRICE = Price(amount_ore=65_000, per=PriceUnit.HOUR)


def recomputed(shown: dict[str, Any]) -> str:
    """As a provider would, with nothing but the documented canonical form."""
    text = json.dumps(shown, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def framework_terms(tenant: Any) -> StandardTerms:
    demands = ProviderDemands(
        opening_hours="Hverdage 8-16",
        training="Uddannede familiebehandlere",
        involvement="Forældre inddrages i planen",
        confidentiality="Tavshedspligt efter forvaltningsloven",
        duty_to_notify="Underretningspligt, barnets lov § 133",
        data_storage="Data opbevares krypteret i EU",
        use_of_force="Ingen magtanvendelse",
    )
    return StandardTerms(
        contract_id=uuid.uuid4(),
        version=1,
        provider_id=tenant.tenant_id,
        measure=example_event(OrderPlaced).measure,
        authority_contact=CONTACT,
        provider_contact=PROVIDER,
        general=GeneralTerms(
            ethics="Barnets perspektiv først",
            payment="Betaling 30 dage netto",
            disputes_and_breach="Tvister afgøres ved dansk ret",
            sanctions_and_termination="Opsigelse med 3 måneders varsel",
        ),
        specific=MeasureSpecificTerms(
            purpose="Støtte i hjemmet",
            demands_on_authority="Klar bestilling",
            demands_on_provider=demands,
            places=10,
            insurance="Erhvervsansvarsforsikring",
            follow_up="Statusrapport før hver opfølgning",
            price=PRICE,
            price_regulation="Reguleres årligt efter PL-indeks",
            payment_terms_days=30,
            start=date(2025, 1, 1),
            duration_months=24,
        ),
    )


def individual_terms(order: OrderPlaced, framework: StandardTerms) -> IndividualTerms:
    return IndividualTerms(
        contract_id=uuid.uuid4(),
        version=1,
        provider_id=order.provider_id,
        case_id=order.case_id,
        order_id=order.order_id,
        measure=order.measure,
        framework=FrameworkRef(
            standard_contract_id=framework.contract_id, terms_sha256=terms_sha256(framework)
        ),
        goals=order.goals,
        scope=order.scope,
        frequency=order.frequency,
        start=date(2025, 4, 1),
        expected_end=None,
        expected_duration_months=6,
        follow_up_wanted="Første opfølgning efter 3 måneder, derefter hver 6. måned",
        special_economic_agreements="Kørsel med barnet betales efter regning",
        price=PRICE,
        payment_terms_days=21,
        authority_contact=CONTACT,
        provider_contact=PROVIDER,
    )


def offer(terms: StandardTerms | IndividualTerms, **fields: Any) -> ContractOffered:
    base = example_event(ContractOffered).model_copy(
        update={
            "contract_id": terms.contract_id,
            "provider_id": terms.provider_id,
            "terms_sha256": terms_sha256(terms),
            "price": PRICE,
            "start": date(2025, 4, 1),
        }
        | fields
    )
    return ContractOffered.model_validate(base.model_dump())


async def offered_framework(stack: Any, tenant: Any) -> StandardTerms:
    framework = framework_terms(tenant)
    fields = {"kind": ContractKind.STANDARD, "standard_contract_id": None, "case_id": None}
    await stack.kafka.send(offer(framework, **fields, order_id=None, standard_terms=framework))
    path = f"/contracts/{framework.contract_id}"
    await stack.eventually(lambda: stack.get(path, tenant, ok=True))
    return framework


async def offered_contract(
    stack: Any, tenant: Any, sha256: str | None = None
) -> tuple[IndividualTerms, StandardTerms]:
    """An accepted order and its contract offered as the authority offers it: every term
    sealed with the child's key, bound to the contract."""
    framework = await offered_framework(stack, tenant)
    order = await stack.placed(tenant)
    answer = {"expected_start": "2025-04-01", "contact": {"name": "C", "email": "c@x.invalid"}}
    accepted = await stack.http.post(
        f"/orders/{order.order_id}/accept", json=answer, headers=tenant.headers
    )
    assert accepted.status_code == 200, accepted.text
    terms = individual_terms(order, framework)
    key = stack.child_key(uuid.UUID(order.child.kid.removeprefix("child:")))
    plain = json.dumps(terms.model_dump(mode="json")).encode()
    box = Sealed.model_validate(seal(key, order.child.kid, plain, str(terms.contract_id).encode()))
    ids = {"order_id": order.order_id, "case_id": order.case_id}
    fields = {"standard_contract_id": framework.contract_id, "individual_terms": box}
    sent = offer(terms, **ids, **fields)
    if sha256 is not None:
        sent = sent.model_copy(update={"terms_sha256": sha256})
    await stack.kafka.send(sent)
    path = f"/contracts/{terms.contract_id}"
    await stack.eventually(lambda: stack.get(path, tenant, ok=True))
    return terms, framework


async def test_every_term_is_shown_and_the_hash_recomputes_from_them(stack, tenant_a):
    # Given a contract the authority offered with its terms sealed for the child
    terms, framework = await offered_contract(stack, tenant_a)

    # When the provider reads it
    shown = (await stack.get(f"/contracts/{terms.contract_id}", tenant_a)).json()["offer"]

    # Then every term it is asked to countersign is there
    t = shown["terms"]
    assert t["goals"] == [json.loads(g.model_dump_json()) for g in terms.goals]
    assert t["scope"] == terms.scope.model_dump(mode="json")
    assert t["frequency"] == terms.frequency.model_dump(mode="json")
    assert (t["start"], t["expected_duration_months"]) == ("2025-04-01", 6)
    assert t["follow_up_wanted"].startswith("Første opfølgning efter 3 måneder")
    assert t["special_economic_agreements"] == "Kørsel med barnet betales efter regning"
    assert (t["price"]["amount_ore"], t["price"]["per"], t["payment_terms_days"]) == (
        65_000,
        "hour",
        21,
    )
    # ...with the framework's general and measure-specific terms
    f = shown["framework"]["terms"]
    assert f["general"]["sanctions_and_termination"] == "Opsigelse med 3 måneders varsel"
    assert f["specific"]["price_regulation"] == "Reguleres årligt efter PL-indeks"
    # And each hash is the one recomputed from what was shown
    assert recomputed(t) == shown["terms_sha256"] == terms_sha256(terms)
    assert recomputed(f) == shown["framework"]["terms_sha256"] == t["framework"]["terms_sha256"]
    assert framework.contract_id == uuid.UUID(t["framework"]["standard_contract_id"])


async def test_the_hash_signed_is_the_hash_of_the_terms_read(stack, tenant_a):
    # Given a contract offered, and the hash recomputed from the terms shown
    terms, _ = await offered_contract(stack, tenant_a)
    path = f"/contracts/{terms.contract_id}"
    read = recomputed((await stack.get(path, tenant_a)).json()["offer"]["terms"])

    # When a coordinator countersigns another hash, then the one read
    wrong = await stack.http.post(
        f"{path}/countersign",
        json={"version": 1, "terms_sha256": "0" * 64},
        headers=tenant_a.headers,
    )
    signed = await stack.http.post(
        f"{path}/countersign", json={"version": 1, "terms_sha256": read}, headers=tenant_a.headers
    )

    # Then the first is refused, the second goes out with the hash read
    assert wrong.status_code == 422, wrong.text
    assert wrong.json()["type"].endswith("/terms_hash_mismatch")
    assert set(wrong.json()["texts"]) == {"da", "en"}
    assert signed.status_code == 200, signed.text
    _, event = await stack.kafka.event(
        topics.PROVIDER_CONTRACTS, lambda e: getattr(e, "contract_id", None) == terms.contract_id
    )
    assert isinstance(event, ContractCountersigned)
    assert event.terms_sha256 == read


async def test_an_offer_whose_hash_is_not_of_its_terms_is_not_signed(stack, tenant_a):
    # Given an offer whose hash is not the hash of the terms it carries
    terms, _ = await offered_contract(stack, tenant_a, sha256="ab" * 32)
    path = f"/contracts/{terms.contract_id}"

    # When a coordinator countersigns it (sending no hash of their own)
    response = await stack.http.post(
        f"{path}/countersign", json={"version": 1}, headers=tenant_a.headers
    )

    # Then it is refused in Danish and English, and the contract is not in force
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"].endswith("/terms_hash_mismatch")
    assert "Hashen" in problem["texts"]["da"]
    assert (await stack.get(path, tenant_a)).json()["in_force"] is False
