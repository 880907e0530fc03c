"""No individual contract under a standard contract that is not in force (issue 19, defect 6)."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from authority.entrypoints.web.i18n import CATALOGUES

from .conftest import Stack, eventually
from .flows import (
    accepted_order,
    countersign,
    draft_contract,
    offer_of,
    sign_both,
    standard_contract,
)

pytestmark = pytest.mark.integration
CODE = "standard_contract_not_in_force"


async def test_no_individual_contract_is_drafted_under_a_framework_not_signed_by_both(
    stack: Stack,
) -> None:
    # Given an accepted order with a provider whose standard contract is only drafted
    provider = uuid4()
    _, order_id, cw = await accepted_order(stack, provider)
    standard_id = await standard_contract(stack, provider, cw)

    # When the caseworker drafts an individual contract, then it is refused with a stable code
    refused = await draft_contract(stack, order_id, cw)
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["type"].endswith(f"/{CODE}")
    # And the problem says why in Danish and in English
    texts = refused.json()["texts"]
    assert texts == {
        "da": CATALOGUES["da"][f"error.{CODE}"],
        "en": CATALOGUES["en"][f"error.{CODE}"],
    }
    assert "rammekontrakt" in texts["da"]
    assert "framework" in texts["en"]

    # When only the authority has signed the standard contract, then it is still refused
    signed = await stack.client.post(f"/standard-contracts/{standard_id}/sign", headers=cw)
    assert signed.status_code == 200, signed.text
    still = await draft_contract(stack, order_id, cw)
    assert still.json()["type"].endswith(f"/{CODE}"), still.text

    # When the provider has countersigned it too, then the individual contract is drafted
    await countersign(stack, await offer_of(stack, standard_id, 1))

    async def framework_in_force() -> bool:
        got = await stack.client.get(f"/standard-contracts/{standard_id}", headers=cw)
        return bool(got.json()["in_force"])

    assert await eventually(framework_in_force)
    contract_id = await sign_both(stack, order_id, cw)
    got = await stack.client.get(f"/contracts/{contract_id}", headers=cw)
    assert UUID(got.json()["standard_contract_id"]) == standard_id
