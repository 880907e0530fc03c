"""The provider stops delivery with a coded reason, and the authority is told it (issue 19, 7)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samspil_contracts import DeliveryStopped, DeliveryStopReason, topics

from .contract_tools import contract_for

pytestmark = pytest.mark.integration
TODAY = datetime.now(UTC).date().isoformat()


async def test_a_stop_goes_out_with_its_coded_reason(stack, tenant_a):
    # Given a contract in force whose delivery has started
    offer = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    path = f"/contracts/{offer.contract_id}"
    signed = await stack.http.post(
        f"{path}/countersign", json={"version": 1}, headers=tenant_a.headers
    )
    assert signed.status_code == 200, signed.text
    started = await stack.http.post(
        f"{path}/delivery/start", json={"on": TODAY}, headers=tenant_a.headers
    )
    assert started.status_code == 200, started.text

    # When the coordinator stops it as "other" without saying why, then it is refused
    bare = await stack.http.post(
        f"{path}/delivery/stop",
        json={"on": TODAY, "reason_code": "other"},
        headers=tenant_a.headers,
    )
    assert bare.status_code == 422, bare.text
    assert bare.json()["type"].endswith("/text_required")

    # When the coordinator stops it because the goals are reached
    body = {"on": TODAY, "reason_code": "goals_reached"}
    stopped = await stack.http.post(f"{path}/delivery/stop", json=body, headers=tenant_a.headers)
    assert stopped.status_code == 200, stopped.text

    # Then the authority is told when and why, by code
    _, event = await stack.kafka.event(
        topics.PROVIDER_DELIVERY,
        lambda e: isinstance(e, DeliveryStopped) and e.contract_id == offer.contract_id,
    )
    assert isinstance(event, DeliveryStopped)
    assert (event.reason_code, event.stopped_on.isoformat()) == (
        DeliveryStopReason.GOALS_REACHED,
        TODAY,
    )
