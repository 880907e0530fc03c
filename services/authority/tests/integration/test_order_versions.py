"""A changed order is a new version: an answer to an older one is stale (issue 19, defect 4)."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import START, accepted_order

pytestmark = pytest.mark.integration
CHANGE = {
    "scope": {"hours": 8, "per": "week"},
    "frequency": {"times": 3, "per": "week"},
    "start": str(START),
    "expected_duration_months": 6,
    "reason": "Flere timer",
}


async def test_an_answer_to_the_version_before_a_change_does_not_answer_the_change(
    stack: Stack,
) -> None:
    # Given an order the provider accepted (v1 answers carry no version)
    provider = uuid4()
    case_id, order_id, cw = await accepted_order(stack, provider)

    # When the caseworker changes it
    changed = await stack.client.put(f"/orders/{order_id}", json=CHANGE, headers=cw)
    assert changed.status_code == 200, changed.text
    revision = changed.json()["revision"]
    order = (await stack.client.get(f"/orders/{order_id}", headers=cw)).json()
    assert (order["status"], order["version"]) == ("awaiting_answer", 2)

    # And an acceptance of the first version arrives late, then a decline of the change
    ids = {"order_id": order_id, "case_id": UUID(case_id), "provider_id": provider}
    contact = wire.ContactPerson(name="P", email="p@example.invalid")
    await stack.produce(
        wire.OrderAccepted(**ids, provider_contact=contact, expected_start=START, order_version=1)
    )
    await stack.produce(
        wire.OrderDeclined(**ids, reason=wire.DeclineReason.NO_CAPACITY, order_version=revision)
    )

    # Then the change is declined: the late acceptance answered nothing that is open
    async def answered() -> str | None:
        got = (await stack.client.get(f"/orders/{order_id}", headers=cw)).json()
        return None if got["status"] == "awaiting_answer" else str(got["status"])

    assert await eventually(answered) == "declined"
