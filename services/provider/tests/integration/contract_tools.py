"""An order of a tenant, accepted, with a contract offered for it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from samspil_contracts import ContractOffered
from samspil_contracts.testing import example_event


async def contract_for(stack: Any, tenant: Any, order: Any) -> ContractOffered:
    """The order accepted and a contract offered for it, seen by the tenant."""
    answer = {"expected_start": "2025-04-01", "contact": {"name": "C", "email": "c@x.invalid"}}
    path = f"/orders/{order.order_id}/accept"
    assert (await stack.http.post(path, json=answer, headers=tenant.headers)).status_code == 200
    offer = example_event(ContractOffered).model_copy(
        update={
            "contract_id": uuid.uuid4(),
            "provider_id": tenant.tenant_id,
            "order_id": order.order_id,
            "case_id": order.case_id,
            "start": date(2025, 4, 1),
        }
    )
    await stack.kafka.send(offer)
    await stack.eventually(lambda: stack.get(f"/contracts/{offer.contract_id}", tenant, ok=True))
    return offer
