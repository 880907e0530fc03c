"""One answer deadline (issue 19, defect 5): the inbox, the webhook and the tenant's Kafka
notifications show the scheduler's, through the real broker and database; never the
order's own placed + 14 days."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from samspil_contracts import (
    DeadlineClosed,
    DeadlineKind,
    DeadlineOutcome,
    DeadlineScheduled,
    OrderChanged,
    OrderPlaced,
    Scope,
)
from samspil_contracts.tenant_messages import TenantNotification

from .tenant_kafka_tools import notifications

pytestmark = pytest.mark.integration
ANSWER = DeadlineKind.ORDER_ANSWER_DUE


def answer_due(order: OrderPlaced, due_at: datetime) -> DeadlineScheduled:
    """As the scheduler announces it (its working-day rule: 09:00 Copenhagen)."""
    return DeadlineScheduled(
        deadline_id=uuid.uuid4(),
        kind=ANSWER,
        subject=str(order.order_id),
        case_id=order.case_id,
        order_id=order.order_id,
        provider_id=order.provider_id,
        due_at=due_at,
    )


async def test_the_inbox_shows_the_scheduler_s_answer_deadline_and_its_move(stack, tenant_a):
    # Given an order placed with tenant A
    order = await stack.placed(tenant_a)
    path = f"/orders/{order.order_id}"

    # Then until the scheduler has announced its deadline, it is pending (no +14 days)
    shown = (await stack.get(path, tenant_a)).json()
    assert (shown["answer_deadline_status"], shown["answer_due_at"]) == ("pending", None)
    assert shown["answer_deadline"] is None

    # When the scheduler announces it (Friday 2 April 2027 09:00 CEST), delivered twice
    first = answer_due(order, datetime(2027, 4, 2, 7, tzinfo=UTC))
    event_id = await stack.kafka.send(first)
    await stack.kafka.send(first, event_id=event_id)

    async def due(at: datetime) -> dict[str, Any] | None:
        found = await stack.get(path, tenant_a, ok=True)
        moment = found and found["answer_due_at"]
        return found if moment and datetime.fromisoformat(moment) == at else None

    # Then the inbox shows that very instant, and its Copenhagen date
    shown = await stack.eventually(lambda: due(first.due_at))
    assert (shown["answer_deadline_status"], shown["answer_deadline"]) == ("open", "2027-04-02")
    listed = (await stack.get("/orders", tenant_a)).json()
    row = next(o for o in listed if o["order_id"] == str(order.order_id))
    assert datetime.fromisoformat(row["answer_due_at"]) == first.due_at

    # And the tenant's own Kafka notifications carry it once, as its webhook does
    def set_for(due_at: datetime) -> Any:
        return lambda m: (
            isinstance(m, TenantNotification)
            and m.type == "order.answer_deadline"
            and m.data["order_id"] == str(order.order_id)
            and datetime.fromisoformat(m.data["due_at"]) == due_at
        )

    told = await notifications(stack.kafka, tenant_a.tenant_id, set_for(first.due_at))
    assert [n.data["deadline_id"] for n in told] == [str(first.deadline_id)]

    # When the order changes and the scheduler moves the deadline (cancel, set anew)
    fields = order.model_dump() | {"scope": Scope(hours=8, per="week"), "change_reason": "Mere"}
    await stack.kafka.send(OrderChanged.model_validate(fields), revision=2)
    cancelled = DeadlineClosed(
        deadline_id=first.deadline_id, kind=ANSWER, subject=str(order.order_id),
        case_id=order.case_id, outcome=DeadlineOutcome.CANCELLED, reason="order changed",
        closed_at=datetime.now(UTC),
    )  # fmt: skip
    moved = answer_due(order, datetime(2027, 4, 13, 7, tzinfo=UTC))
    await stack.kafka.send(cancelled)
    await stack.kafka.send(moved)

    # Then the inbox shows the new one, and the tenant is told of the move
    shown = await stack.eventually(lambda: due(moved.due_at))
    assert shown["answer_deadline"] == str(date(2027, 4, 13))
    assert await notifications(stack.kafka, tenant_a.tenant_id, set_for(moved.due_at))


async def test_a_withdrawn_order_s_cancelled_deadline_is_no_longer_shown(stack, tenant_a):
    # Given an order with the scheduler's answer deadline
    order = await stack.placed(tenant_a)
    deadline = answer_due(order, datetime(2027, 4, 2, 7, tzinfo=UTC))
    await stack.kafka.send(deadline)
    path = f"/orders/{order.order_id}"

    async def status(expected: str) -> dict[str, Any] | None:
        found = await stack.get(path, tenant_a, ok=True)
        return found if found and found["answer_deadline_status"] == expected else None

    await stack.eventually(lambda: status("open"))
    # When the scheduler cancels it (the order was withdrawn)
    closed = DeadlineClosed(
        deadline_id=deadline.deadline_id, kind=ANSWER, subject=str(order.order_id),
        outcome=DeadlineOutcome.CANCELLED, reason="order withdrawn", closed_at=datetime.now(UTC),
    )  # fmt: skip
    await stack.kafka.send(closed)
    # Then the inbox says so and shows no instant
    shown = await stack.eventually(lambda: status("cancelled"))
    assert (shown["answer_due_at"], shown["answer_deadline"]) == (None, None)
