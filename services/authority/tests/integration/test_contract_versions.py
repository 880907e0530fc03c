"""Amending an individual contract (issue 19, defect 2): the version both signed stays in
force until both sign the new one."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Stack, eventually
from .flows import (
    CONTACT,
    countersign,
    offer_of,
    running_measure,
)

pytestmark = pytest.mark.integration


async def contract(stack: Stack, m: Any) -> dict[str, Any]:
    got = await stack.client.get(f"/contracts/{m.contract_id}", headers=m.cw)
    assert got.status_code == 200, got.text
    found: dict[str, Any] = got.json()
    return found


NEW_PRICE = {
    "price_per_unit_oere": 61_000,
    "unit": "hour",
    "authority_contact": CONTACT,
    "provider_contact": CONTACT,
}


async def test_version_1_stays_in_force_while_version_2_is_drafted_and_half_signed(
    stack: Stack,
) -> None:
    # Given a contract whose version 1 both parties signed
    m = await running_measure(stack)
    path = f"/contracts/{m.contract_id}"

    # When the caseworker amends the price
    amended = await stack.client.post(f"{path}/amend", json={"terms": NEW_PRICE}, headers=m.cw)
    assert amended.status_code == 200, amended.text

    # Then version 1 is in force and version 2 is pending
    drafted = await contract(stack, m)
    assert drafted["in_force"] is True
    assert (drafted["in_force"], drafted["in_force_version"], drafted["pending_version"]) == (
        True,
        1,
        2,
    )

    # When the authority signs version 2, then version 1 is still the one in force
    signed = await stack.client.post(f"{path}/sign", headers=m.cw)
    assert signed.status_code == 200, signed.text
    half = await contract(stack, m)
    assert (half["in_force"], half["in_force_version"], half["pending_version"]) == (True, 1, 2)

    # When the provider countersigns version 2, then it is in force and nothing is pending
    await countersign(stack, await offer_of(stack, m.contract_id, 2))

    async def v2_in_force() -> dict[str, Any] | None:
        now = await contract(stack, m)
        return now if now["in_force_version"] == 2 else None

    now = await eventually(v2_in_force)
    assert now
    assert (now["in_force"], now["pending_version"]) == (True, None)
