"""Amending an individual contract (issue 19, defect 3): an amendment starts from the version
in force; what it does not name keeps its value."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

import pytest

from .conftest import Stack, eventually
from .flows import (
    START,
    Running,
    accepted_order,
    countersign,
    framework_in_force,
    in_force,
    offer_of,
    running_measure,
)
from .test_contract_versions import NEW_PRICE, contract

pytestmark = pytest.mark.integration


async def test_an_amendment_of_the_price_keeps_the_start_and_end_of_the_version_in_force(
    stack: Stack,
) -> None:
    # Given a contract in force that starts and ends on other days than its order says
    provider = uuid4()
    cw = await stack.token("cw-1", "caseworker")
    await framework_in_force(stack, provider, cw)
    case_id, order_id, cw = await accepted_order(stack, provider)
    own = {
        "start": str(START + timedelta(days=7)),
        "expected_end": str(START + timedelta(days=200)),
    }
    terms = NEW_PRICE | {"price_per_unit_oere": 50_000} | own
    body = {"order_id": str(order_id), "terms": terms}
    drafted = await stack.client.post("/contracts", json=body, headers=cw)
    assert drafted.status_code == 201, drafted.text
    contract_id = drafted.json()["contract_id"]
    assert (await stack.client.post(f"/contracts/{contract_id}/sign", headers=cw)).is_success
    await countersign(stack, await offer_of(stack, UUID(contract_id), 1))
    assert await eventually(lambda: in_force(stack, UUID(contract_id), cw))
    m = Running(case_id, order_id, UUID(contract_id), provider, cw)

    # When the caseworker changes the price (and names nothing about dates)
    path = f"/contracts/{contract_id}/amend"
    amended = await stack.client.post(path, json={"terms": NEW_PRICE}, headers=cw)
    assert amended.status_code == 200, amended.text

    # Then version 2 has the new price and the start and end of version 1
    v1, v2 = (await contract(stack, m))["versions"]
    assert v2["price_per_unit_oere"] == 61_000
    assert (v2["start"], v2["expected_end"], v2["duration_months"]) == (
        own["start"],
        own["expected_end"],
        None,
    )
    assert v2 | {"price_per_unit_oere": 50_000} == v1


async def test_an_amendment_names_only_what_changes(stack: Stack) -> None:
    # Given a contract in force
    m = await running_measure(stack)
    # When the caseworker names only the payment terms
    path = f"/contracts/{m.contract_id}/amend"
    amended = await stack.client.post(
        path, json={"terms": {"payment_terms_days": 14}}, headers=m.cw
    )
    # Then version 2 differs from version 1 in them alone
    assert amended.status_code == 200, amended.text
    v1, v2 = (await contract(stack, m))["versions"]
    assert v2 == v1 | {"payment_terms_days": 14}
