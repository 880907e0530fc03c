"""The provider's delivery start and stop reach the case (issue 19, defect 7)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import (
    START,
    accepted_order,
    countersign,
    draft_contract,
    framework_in_force,
    offer_of,
    running_measure,
)

pytestmark = pytest.mark.integration


async def case_contract(stack: Stack, case_id: str, cw: dict[str, str]) -> dict[str, Any]:
    got = await stack.client.get(f"/cases/{case_id}", headers=cw)
    assert got.status_code == 200, got.text
    [found] = got.json()["contracts"]
    return dict(found)


async def test_the_case_shows_when_the_measure_started_and_stopped_and_why(
    stack: Stack,
) -> None:
    # Given a measure in delivery: the contract is in force
    m = await running_measure(stack)
    ids = {
        "contract_id": m.contract_id,
        "order_id": m.order_id,
        "case_id": UUID(m.case_id),
        "provider_id": m.provider,
    }

    # When the provider reports that delivery started
    await stack.produce(wire.DeliveryStarted(**ids, started_on=START))

    # Then the case shows when the measure actually started
    async def started() -> dict[str, Any] | None:
        found = await case_contract(stack, m.case_id, m.cw)
        return found if found["delivery_started_on"] else None

    assert (await eventually(started))["delivery_started_on"] == str(START)

    # When the provider reports that it stopped, with its coded reason
    stopped_on = START + timedelta(days=60)
    await stack.produce(
        wire.DeliveryStopped(
            **ids,
            stopped_on=stopped_on,
            reason_code=wire.DeliveryStopReason.FAMILY_MOVED,
            reason="Familien flyttede til Aarhus",
        )
    )

    # Then the case shows when and why, and so does the contract
    async def stopped() -> dict[str, Any] | None:
        found = await case_contract(stack, m.case_id, m.cw)
        return found if found["delivery_stop"] else None

    stop = (await eventually(stopped))["delivery_stop"]
    assert stop == {
        "stopped_on": str(stopped_on),
        "reason_code": "family_moved",
        "text": "Familien flyttede til Aarhus",
    }
    contract = await stack.client.get(f"/contracts/{m.contract_id}", headers=m.cw)
    assert contract.json()["delivery_stop"]["reason_code"] == "family_moved"


async def test_another_providers_report_of_delivery_is_not_recorded(stack: Stack) -> None:
    # Given a measure in delivery with one provider
    m = await running_measure(stack)
    # When another provider claims to have started it, and then the real provider does
    ids = {"contract_id": m.contract_id, "order_id": m.order_id, "case_id": UUID(m.case_id)}
    await stack.produce(wire.DeliveryStarted(**ids, provider_id=uuid4(), started_on=date.today()))
    await stack.produce(wire.DeliveryStarted(**ids, provider_id=m.provider, started_on=START))

    # Then only the contract's own provider's start is on the case
    async def started() -> dict[str, Any] | None:
        found = await case_contract(stack, m.case_id, m.cw)
        return found if found["delivery_started_on"] else None

    assert (await eventually(started))["delivery_started_on"] == str(START)


async def test_a_start_that_overtakes_the_countersignature_is_still_on_the_case(
    stack: Stack,
) -> None:
    # Given a contract the authority signed, whose countersignature is still on its way
    provider = uuid4()
    cw = await stack.token("cw-1", "caseworker")
    await framework_in_force(stack, provider, cw)
    case_id, order_id, cw = await accepted_order(stack, provider)
    drafted = await draft_contract(stack, order_id, cw)
    contract_id = UUID(drafted.json()["contract_id"])
    assert (await stack.client.post(f"/contracts/{contract_id}/sign", headers=cw)).is_success
    offer = await offer_of(stack, contract_id, 1)

    # When the provider's start arrives first (it is on another topic), then the countersignature
    ids = {"contract_id": contract_id, "order_id": order_id, "case_id": UUID(case_id)}
    await stack.produce(wire.DeliveryStarted(**ids, provider_id=provider, started_on=START))
    await asyncio.sleep(1)
    await countersign(stack, offer)

    # Then the case shows both: the contract in force and when the measure started
    async def started() -> dict[str, Any] | None:
        found = await case_contract(stack, case_id, cw)
        return found if found["delivery_started_on"] and found["in_force_version"] else None

    assert (await eventually(started))["delivery_started_on"] == str(START)
