"""A changed order reaches the provider as a new version to answer (issue 19, defect 4)."""

from __future__ import annotations

import pytest
from samspil_contracts import OrderAccepted, OrderChanged, Scope, topics

pytestmark = pytest.mark.integration
ANSWER = {"expected_start": "2025-04-01", "contact": {"name": "C", "email": "c@x.invalid"}}


async def test_a_changed_order_is_open_for_an_answer_again_and_the_inbox_goes_on(stack, tenant_a):
    # Given an order the provider has accepted
    placed = await stack.placed(tenant_a)
    path = f"/orders/{placed.order_id}"
    accepted = await stack.http.post(f"{path}/accept", json=ANSWER, headers=tenant_a.headers)
    assert accepted.status_code == 200, accepted.text

    # When the authority changes the order (a newer revision of its order stream)
    fields = placed.model_dump() | {"scope": Scope(hours=8, per="week"), "change_reason": "Mere"}
    await stack.kafka.send(OrderChanged.model_validate(fields), revision=3)

    # Then the inbox shows the new version, awaiting the provider's answer
    async def changed() -> dict | None:
        found = await stack.get(path, tenant_a, ok=True)
        return found if found and found["order_version"] == 3 else None

    order = await stack.eventually(changed)
    assert order["status"] == "received"
    assert order["snapshot"]["scope"]["hours"] == 8

    # And the provider answers the new version
    again = await stack.http.post(f"{path}/accept", json=ANSWER, headers=tenant_a.headers)
    assert again.status_code == 200, again.text
    assert (await stack.get(path, tenant_a)).json()["status"] == "accepted"
    # And the answer names the version it answers
    _, answer = await stack.kafka.event(
        topics.PROVIDER_ANSWERS,
        lambda e: (
            isinstance(e, OrderAccepted) and e.order_id == placed.order_id and e.order_version == 3
        ),
    )
    assert answer.order_version == 3

    # And later orders still reach the inbox
    await stack.placed(tenant_a)
