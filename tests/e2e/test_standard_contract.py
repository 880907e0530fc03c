"""A standard contract flows authority → provider → authority: offered, seen, countersigned."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack
from tests.e2e.flows import new_tenant, ok
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


def test_a_standard_contract_is_countersigned_by_the_provider_and_in_force_at_the_authority(
    stack: Stack,
) -> None:
    # Given a provider, and another that must never see its contract
    tenant, other = new_tenant(stack, "Familiehuset Syd"), new_tenant(stack, "Ungehuset Vest")
    with stack.client("authority", "caseworker", user="karen") as cw:
        # When the authority drafts and signs a standard contract with the provider
        standard_id = life.standard_contract(cw, tenant.tenant_id)
        offered = ok(cw.get(f"/standard-contracts/{standard_id}"))
        assert offered["in_force"] is False

        # Then the provider sees it among its contracts, as a standard contract
        def seen() -> dict[str, Any] | None:
            response = tenant.client.get(f"/contracts/{standard_id}")
            return response.json() if response.status_code == 200 else None

        contract = wait_for(seen, what="standard contract offered to the provider")
        assert (contract["kind"], contract["order_id"], contract["in_force"]) == (
            "standard",
            None,
            False,
        )
        assert contract["terms"]["terms_sha256"] == offered["terms_sha256"]
        assert standard_id in str(ok(tenant.client.get("/contracts")))
        # And the other provider does not
        assert other.client.get(f"/contracts/{standard_id}").status_code == 404
        refused = other.client.post(f"/contracts/{standard_id}/countersign", json={"version": 1})
        assert refused.status_code == 404

        # When the provider's coordinator countersigns the version it read
        ok(tenant.client.post(f"/contracts/{standard_id}/countersign", json={"version": 1}))

        # Then it is in force on both sides
        assert ok(tenant.client.get(f"/contracts/{standard_id}"))["in_force"] is True
        wait_for(
            lambda: ok(cw.get(f"/standard-contracts/{standard_id}"))["in_force"],
            what="the authority records the countersignature",
        )
