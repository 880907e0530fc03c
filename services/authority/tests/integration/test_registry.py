"""The provider registry and standard contracts, the framework individual contracts annex."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from samspil_contracts.agreements import ContractKind

from .conftest import Stack, eventually
from .flows import (
    accepted_order,
    countersign,
    draft_contract,
    framework_in_force,
    offer_of,
    sign_both,
    standard_body,
    standard_contract,
)


async def test_published_material_shows_prices_and_places(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    provider = uuid4()
    await stack.produce(
        wire.ProviderMaterialPublished(
            provider_id=provider,
            version=1,
            name="Familiehuset",
            kind=wire.ProviderKind.PRIVATE,
            offers=(
                wire.MeasureOffer(
                    measure=wire.MeasureCode.SUPPORT_IN_HOME,
                    price=wire.Price(amount_ore=52_000, per=wire.PriceUnit.HOUR),
                    places=8,
                ),
            ),
            method="Systemic family work",
            parents_and_network="Parents are partners",
        )
    )

    async def shown() -> dict[str, Any] | None:
        rows = (await stack.client.get("/providers", headers=cw)).json()
        return next((r for r in rows if r["provider_id"] == str(provider)), None)

    row = await eventually(shown)
    assert row is not None
    assert row["name"] == "Familiehuset"
    [offer] = row["material"]["offers"]
    assert offer["price"] == {"amount_ore": 52_000, "currency": "DKK", "per": "hour"}
    assert offer["places"] == 8


async def test_a_replayed_older_material_does_not_roll_the_registry_back(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    provider = uuid4()

    def material(version: int, name: str) -> wire.ProviderMaterialPublished:
        price = wire.Price(amount_ore=52_000, per=wire.PriceUnit.HOUR)
        offer = wire.MeasureOffer(measure=wire.MeasureCode.SUPPORT_IN_HOME, price=price)
        return wire.ProviderMaterialPublished(
            provider_id=provider,
            version=version,
            name=name,
            kind=wire.ProviderKind.PRIVATE,
            offers=(offer,),
            method="Systemic family work",
            parents_and_network="Parents are partners",
        )

    async def shown(version: int) -> dict[str, Any] | None:
        found = (await stack.client.get(f"/providers/{provider}", headers=cw)).json()
        return found if found.get("revision") == version else None

    # Given version 2 of the provider's material is in the registry
    await stack.produce(material(1, "Familiehuset"))
    await eventually(lambda: shown(1))
    await stack.produce(material(2, "Familiehuset Nord"))
    assert await eventually(lambda: shown(2))
    # When version 1 arrives again (a replay, or a partition read again)
    await stack.produce(material(1, "Familiehuset"))
    assert await eventually(lambda: replayed(stack, provider))
    # Then the registry still shows version 2: it is never rolled back
    current = (await stack.client.get(f"/providers/{provider}", headers=cw)).json()
    assert (current["revision"], current["name"]) == (2, "Familiehuset Nord")


async def replayed(stack: Stack, provider: UUID) -> bool:
    """The log keeps every publication as it arrived: the replay is the third."""
    rows = await stack.services.kit.store.load(f"provider-{provider}")
    return [int(e.data["version"]) for e in rows] == [1, 2, 1]


async def test_a_standard_contract_is_in_force_when_both_have_signed(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    provider = uuid4()
    standard_id = await standard_contract(stack, provider, cw)
    listed = await stack.client.get(
        "/standard-contracts", params={"provider_id": str(provider)}, headers=cw
    )
    [row] = listed.json()
    assert row["measure"] == "sel_52_3_2"
    assert (row["places"], row["price_per_unit_oere"], row["unit"]) == (12, 50_000, "hour")
    assert row["price_regulation"] == "Yearly by the wage index"
    assert row["in_force"] is False

    signed = await stack.client.post(f"/standard-contracts/{standard_id}/sign", headers=cw)
    assert signed.status_code == 200, signed.text
    offer = await offer_of(stack, standard_id, 1)
    assert offer.kind is ContractKind.STANDARD
    assert offer.case_id is None
    await countersign(stack, offer)

    async def in_force() -> bool:
        got = await stack.client.get(f"/standard-contracts/{standard_id}", headers=cw)
        return bool(got.json()["in_force"])

    assert await eventually(in_force)
    detail = (await stack.client.get(f"/standard-contracts/{standard_id}", headers=cw)).json()
    assert detail["terms"]["general"]["ethics"] == "Respect for the family"
    assert detail["terms"]["specific"]["demands_on_provider"]["use_of_force"]


async def test_blank_terms_are_refused(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    body = standard_body(uuid4())
    body["general"]["ethics"] = ""
    resp = await stack.client.post("/standard-contracts", json=body, headers=cw)
    assert resp.status_code == 422
    assert resp.json()["type"].endswith("/ethics_required")


async def test_an_individual_contract_is_an_annex_to_a_real_standard_contract(
    stack: Stack,
) -> None:
    provider = uuid4()
    _, order_id, cw = await accepted_order(stack, provider)
    refused = await draft_contract(stack, order_id, cw)
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/no_standard_contract")

    standard_id = await framework_in_force(stack, provider, cw)
    contract_id = await sign_both(stack, order_id, cw)
    offer = await offer_of(stack, contract_id, 1)
    assert offer.kind is ContractKind.INDIVIDUAL
    assert offer.standard_contract_id == standard_id
    contract = (await stack.client.get(f"/contracts/{contract_id}", headers=cw)).json()
    assert UUID(contract["standard_contract_id"]) == standard_id
