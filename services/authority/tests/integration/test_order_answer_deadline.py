"""One answer deadline (issue 19, defect 5): the order shows the scheduler's, not its own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import START, decided_case

pytestmark = pytest.mark.integration
SCHEDULER = "/samspil/scheduler"
ANSWER = wire.DeadlineKind.ORDER_ANSWER_DUE


def _answer_due(order_id: UUID, case_id: str, provider: UUID, due_at: datetime) -> Any:
    return wire.DeadlineScheduled(
        deadline_id=uuid4(),
        kind=ANSWER,
        subject=str(order_id),
        case_id=UUID(case_id),
        order_id=order_id,
        provider_id=provider,
        due_at=due_at,
    )


async def test_the_order_shows_the_scheduler_s_answer_deadline_and_its_move(
    stack: Stack,
) -> None:
    # Given an order placed with a provider
    provider = uuid4()
    case_id, decision_id, cw = await decided_case(stack)
    body = {
        "case_id": case_id,
        "decision_id": decision_id,
        "provider_id": str(provider),
        "scope": {"hours": 6, "per": "week"},
        "frequency": {"times": 2, "per": "week"},
        "start": str(START),
        "expected_duration_months": 6,
    }
    placed = await stack.client.post("/orders", json=body, headers=cw)
    assert placed.status_code == 201, placed.text
    order_id = UUID(placed.json()["order_id"])

    # Then until the scheduler has set it, the answer deadline is pending (no own +14 days)
    order = (await stack.client.get(f"/orders/{order_id}", headers=cw)).json()
    assert (order["answer_due_at"], order["answer_deadline_status"]) == (None, "pending")
    assert "answer_deadline" not in order["terms"]

    # When the scheduler announces it (5 working days, 09:00 Copenhagen = 08:00 UTC)
    first = _answer_due(order_id, case_id, provider, datetime(2027, 4, 2, 7, tzinfo=UTC))
    await stack.produce(first, producer=SCHEDULER)

    async def shown(status: str, due: datetime) -> dict[str, Any] | None:
        got = (await stack.client.get(f"/orders/{order_id}", headers=cw)).json()
        at = got["answer_due_at"]
        return got if at and datetime.fromisoformat(at) == due and got[
            "answer_deadline_status"] == status else None  # fmt: skip

    # Then the order shows that very instant
    assert await eventually(lambda: shown("open", first.due_at)), "never shown"

    # When the order is changed and the scheduler cancels it and sets a new one
    cancelled = wire.DeadlineClosed(
        deadline_id=first.deadline_id, kind=ANSWER, subject=str(order_id), case_id=UUID(case_id),
        outcome=wire.DeadlineOutcome.CANCELLED, reason="order changed",
        closed_at=datetime.now(UTC),
    )  # fmt: skip
    moved = _answer_due(order_id, case_id, provider, datetime(2027, 4, 13, 7, tzinfo=UTC))
    for event in (cancelled, moved):
        await stack.produce(event, producer=SCHEDULER)

    # Then the order shows the new one only
    assert await eventually(lambda: shown("open", moved.due_at)), "the move never shown"
