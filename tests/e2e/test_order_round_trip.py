"""The thin slice: an order flows authority → provider → authority through the real broker.

Three services run as separate processes, each with its own PostgreSQL database; they share
nothing but Kafka.
"""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from tests.e2e.conftest import Stack
from tests.e2e.flows import (
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


def test_an_order_is_accepted_and_the_answer_reaches_the_authority(stack: Stack) -> None:
    # Given a provider organisation and a case with an approved decision and action plan
    tenant = new_tenant(stack, "Familiehuset Nord")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        case = decided_case(cw, tl)
        # When the caseworker orders the measure from the provider
        order_id = place_order(cw, case, tenant.tenant_id)
        # Then it appears in the provider's inbox with the full order and the child sealed
        inbox = provider_sees_order(tenant, order_id)
        assert inbox["status"] == "received"
        detail = ok(tenant.client.get(f"/orders/{order_id}"))
        assert "0103151234" not in str(detail)
        # When the provider accepts
        ok(
            tenant.client.post(
                f"/orders/{order_id}/accept",
                json={
                    "expected_start": str(date.today() + timedelta(days=14)),
                    "contact": {"name": "Pia Holm", "email": "pia@familiehuset.example"},
                },
            )
        )
        # Then the authority's order shows the answer
        answered = authority_order_status(cw, order_id, "accepted")
        assert answered["order_id"] == order_id
        # And the scheduler stopped the answer deadline
        with stack.client("scheduler", "ops", user="ops-1") as ops:
            wait_for(
                lambda: ops.get(
                    "/deadlines", params={"case_id": case.case_id, "status": "cancelled"}
                ).json(),
                what="answer deadline cancelled",
            )


def test_a_declined_order_carries_its_coded_reason_back(stack: Stack) -> None:
    # Given an order to a provider with no capacity
    tenant = new_tenant(stack, "Ungehuset Syd")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        # When the provider declines for want of places
        ok(tenant.client.post(f"/orders/{order_id}/decline", json={"reason": "no_capacity"}))
        # Then the authority sees the decline with its code, and can order elsewhere
        declined = authority_order_status(cw, order_id, "declined")
        assert declined["decline"]["reason_code"] == "no_capacity"
        other = new_tenant(stack, "Familiecentret Øst")
        provider_sees_order(other, place_order(cw, case, other.tenant_id))


def test_bad_input_gets_problem_json_and_nothing_is_lost(stack: Stack) -> None:
    tenant = new_tenant(stack, "Støttecentret Vest")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        # A malformed order is refused with a useful problem document
        bad = cw.post("/orders", json={"case_id": "not-a-uuid"})
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert "case_id" in bad.json()["detail"]
        # Declining with "other" and no text is refused, and the order stays open
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        refused = tenant.client.post(f"/orders/{order_id}/decline", json={"reason": "other"})
        assert refused.status_code == 422
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert ok(tenant.client.get(f"/orders/{order_id}"))["status"] == "received"
        # No token, no access
        anonymous = cw.get("/cases", headers={"Authorization": ""})
        assert anonymous.status_code == 401


def test_every_service_is_ready_only_with_database_broker_and_schema(stack: Stack) -> None:
    # Given the running stack, when ops probe readiness, then each names what it checked
    for service in ("authority", "provider", "scheduler"):
        ready = httpx.get(f"{stack.url(service)}/readyz", timeout=10)
        assert ready.status_code == 200
        assert ready.json()["checks"] == {"database": "ok", "broker": "ok", "schema": "ok"}
