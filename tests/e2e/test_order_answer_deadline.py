"""One answer deadline (issue 19, defect 5), across the three running services: the
authority's order, the provider's REST inbox and the provider's webhook receiver all show
the scheduler's order_answer_due (5 Danish working days), never placed + 14 days; a
changed order gets a new one, shown everywhere."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app
from scheduler.domain import DEFAULT_RULES, at_local, to_local_date

from tests.e2e.conftest import Stack
from tests.e2e.flows import decided_case, new_tenant, ok, place_order, provider_sees_order
from tests.harness import wait_for

pytestmark = pytest.mark.e2e
SECRET = "whsec_e2e_answer_deadline_0123456789"


def _instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def test_authority_inbox_and_webhook_show_the_same_scheduler_answer_deadline(
    stack: Stack,
) -> None:
    # Given a provider whose system receives webhooks, and a case ready to order
    tenant = new_tenant(stack, "Familiehuset Frist")
    receiver = create_app([SECRET])
    with (
        serving(receiver) as base_url,
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        endpoint = {"url": f"{base_url}/webhooks", "secret": SECRET}
        ok(tenant.client.put("/webhooks/endpoint", json=endpoint), 204)
        case = decided_case(cw, tl)
        # When the caseworker orders the measure today
        placed_on = to_local_date(datetime.now(UTC))
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        # Then the one deadline is the scheduler's: 5 working days later, 09:00 Copenhagen
        answer_on = DEFAULT_RULES.calendar.add_working_days(placed_on, 5)
        expected = at_local(answer_on, time(9, 0))

        def told(min_count: int) -> list[dict[str, Any]] | None:
            found = [
                w["data"]
                for w in receiver.state.received
                if w["type"] == "order.answer_deadline" and w["data"]["order_id"] == order_id
            ]
            return found if len(found) >= min_count else None

        def shown(client: Any, due_at: datetime | None = None) -> Any:
            def probe() -> dict[str, Any] | None:
                got: dict[str, Any] = ok(client.get(f"/orders/{order_id}"))
                moment = _instant(got["answer_due_at"])
                if got["answer_deadline_status"] != "open" or moment is None:
                    return None
                return got if due_at is None or moment == due_at else None

            return probe

        [webhook] = wait_for(lambda: told(1), timeout=60, what="order.answer_deadline webhook")
        at_authority = wait_for(shown(cw), timeout=60, what="the authority's answer deadline")
        in_inbox = wait_for(shown(tenant.client), timeout=60, what="the inbox's answer deadline")
        moments = {
            _instant(at_authority["answer_due_at"]),
            _instant(in_inbox["answer_due_at"]),
            _instant(webhook["due_at"]),
        }
        assert moments == {expected}, moments
        assert in_inbox["answer_deadline"] == str(answer_on)

        # When the caseworker changes the order (a new version to answer)
        change = {
            "scope": {"hours": 8, "per": "week"},
            "frequency": {"times": 3, "per": "week"},
            "start": at_authority["terms"]["start"],
            "expected_duration_months": 12,
            "reason": "Flere timer",
        }
        ok(cw.put(f"/orders/{order_id}", json=change))
        # Then the scheduler sets a new deadline, counted from the change, told to the
        # provider's system under a new id and shown by both services
        webhooks = wait_for(lambda: told(2), timeout=60, what="the moved deadline's webhook")
        # (webhooks are unordered: the moved one is the one under a new id)
        [moved] = [w for w in webhooks if w["deadline_id"] != webhook["deadline_id"]]
        changed_on = to_local_date(datetime.now(UTC))
        again = at_local(DEFAULT_RULES.calendar.add_working_days(changed_on, 5), time(9, 0))
        assert _instant(moved["due_at"]) == again
        inbox_after = wait_for(shown(tenant.client, again), timeout=60, what="inbox moved")
        assert inbox_after["order_version"] > in_inbox["order_version"]
        wait_for(shown(cw, again), timeout=60, what="the authority's moved deadline")
