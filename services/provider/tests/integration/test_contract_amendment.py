"""An amendment (a newer offer) leaves the version both parties signed in force (issue 19, 2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samspil_contracts import Price, PriceUnit

from .contract_tools import contract_for

pytestmark = pytest.mark.integration
TODAY = datetime.now(UTC).date().isoformat()


async def test_version_1_stays_in_force_and_delivers_until_version_2_is_countersigned(
    stack, tenant_a
):
    # Given an individual contract whose version 1 both parties signed
    v1 = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    path = f"/contracts/{v1.contract_id}"
    signed = await stack.http.post(
        f"{path}/countersign", json={"version": 1}, headers=tenant_a.headers
    )
    assert signed.status_code == 200, signed.text

    # When the authority offers an amendment, version 2, at a new price
    v2 = v1.model_copy(
        update={
            "version": 2,
            "terms_sha256": "cd" * 32,
            "price": Price(amount_ore=1, per=PriceUnit.HOUR),
        }
    )
    await stack.kafka.send(v2)

    async def offered() -> dict | None:
        found = await stack.get(path, tenant_a, ok=True)
        return found if found and found["version"] == 2 else None

    # Then version 1 is still in force and version 2 is pending
    seen = await stack.eventually(offered)
    assert (seen["in_force"], seen["in_force_version"], seen["pending_version"]) == (True, 1, 2)
    # And the provider may start delivery under version 1
    started = await stack.http.post(
        f"{path}/delivery/start", json={"on": TODAY}, headers=tenant_a.headers
    )
    assert started.status_code == 200, started.text

    # When the coordinator countersigns version 2, then it is in force and nothing is pending
    signed = await stack.http.post(
        f"{path}/countersign", json={"version": 2}, headers=tenant_a.headers
    )
    assert signed.status_code == 200, signed.text
    now = (await stack.get(path, tenant_a)).json()
    assert (now["in_force"], now["in_force_version"], now["pending_version"]) == (True, 2, None)
