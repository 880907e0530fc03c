"""An order of a tenant, accepted, with a contract offered for it; its follow-ups."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from samspil_contracts import ContractOffered, DeadlineKind, DeadlineScheduled
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


def follow_up_due(
    contract: ContractOffered, due_at: datetime, kind: DeadlineKind = DeadlineKind.FOLLOW_UP_DUE
) -> DeadlineScheduled:
    """As the scheduler announces a contract's follow-up (or the status report before it)."""
    return DeadlineScheduled(
        deadline_id=uuid.uuid4(),
        kind=kind,
        subject=str(contract.contract_id),
        case_id=contract.case_id,
        contract_id=contract.contract_id,
        provider_id=contract.provider_id,
        due_at=due_at,
    )


async def announced_follow_up(stack: Any, tenant: Any, contract: ContractOffered) -> str:
    """The scheduler's first follow-up of ``contract``, as its tenant lists it: its ref."""
    announced = follow_up_due(contract, datetime(2025, 7, 1, 7, tzinfo=UTC))
    await stack.kafka.send(announced)
    path = f"/contracts/{contract.contract_id}/follow-ups"

    async def listed() -> Any:
        return [f for f in await stack.get(path, tenant, ok=True) or [] if f["followup_ref"]]

    await stack.eventually(listed)
    return str(announced.deadline_id)
