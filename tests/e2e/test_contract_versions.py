"""Contracts and orders across the three services (issue 19): an amendment leaves the signed
version in force and delivering (2, 3), the provider's start and stop reach the case (7), and
a changed order is answered again (4)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack
from tests.e2e.flows import (
    Tenant,
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.harness import wait_for

pytestmark = pytest.mark.e2e
ACCEPT = {
    "expected_start": str(date.today() + timedelta(days=14)),
    "contact": life.PROVIDER_CONTACT,
}


def case_contract(cw: httpx.Client, case_id: str) -> dict[str, Any]:
    [found] = ok(cw.get(f"/cases/{case_id}"))["contracts"]
    return dict(found)


def test_an_amendment_keeps_version_1_in_force_and_delivering_until_both_sign_version_2(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Amendment")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        # Given a contract whose version 1 both parties signed, under a framework in force
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=ACCEPT))
        authority_order_status(cw, order_id, "accepted")
        contract_id = life.individual_contract(cw, order_id)
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)

        # When the caseworker amends the price only, and signs version 2
        amend = {"terms": {"price_per_unit_oere": life.PRICE + 1000}}
        ok(cw.post(f"/contracts/{contract_id}/amend", json=amend))
        ok(cw.post(f"/contracts/{contract_id}/sign"))

        # Then both sides say version 1 is in force and version 2 pending
        at_authority = ok(cw.get(f"/contracts/{contract_id}"))
        assert (at_authority["in_force_version"], at_authority["pending_version"]) == (1, 2)
        v1, v2 = at_authority["versions"]
        assert (v2["start"], v2["duration_months"]) == (v1["start"], v1["duration_months"])
        at_provider = _provider_contract(tenant, contract_id, version=2)
        assert (at_provider["in_force"], at_provider["in_force_version"]) == (True, 1)
        assert at_provider["pending_version"] == 2

        # And the provider starts delivery meanwhile, which the case shows
        ok(tenant.client.post(f"/contracts/{contract_id}/delivery/start", json={"on": _today()}))
        wait_for(
            lambda: case_contract(cw, case.case_id)["delivery_started_on"] == _today(),
            what="delivery start on the case",
        )

        # When the provider countersigns version 2, then it is in force on both sides
        life.countersign(tenant, contract_id, 2)
        life.in_force(cw, contract_id, 2)
        assert ok(tenant.client.get(f"/contracts/{contract_id}"))["pending_version"] is None

        # When the provider stops with a coded reason, then the case shows when and why
        stop = {"on": _today(), "reason_code": "goals_reached"}
        ok(tenant.client.post(f"/contracts/{contract_id}/delivery/stop", json=stop))
        stopped = wait_for(
            lambda: case_contract(cw, case.case_id)["delivery_stop"],
            what="delivery stop on the case",
        )
        assert (stopped["stopped_on"], stopped["reason_code"]) == (_today(), "goals_reached")


def test_a_changed_order_is_answered_again_and_both_sides_agree(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Change")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        # Given an order the provider accepted
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        first = provider_sees_order(tenant, order_id)
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=ACCEPT))
        authority_order_status(cw, order_id, "accepted")

        # When the caseworker changes the order
        change = {
            "scope": {"hours": 8, "per": "week"},
            "frequency": {"times": 3, "per": "week"},
            "start": str(date.today() + timedelta(days=14)),
            "expected_duration_months": 12,
            "reason": "Flere timer",
        }
        ok(cw.put(f"/orders/{order_id}", json=change))
        authority_order_status(cw, order_id, "awaiting_answer")

        # Then the provider has a new version of it to answer
        def new_version() -> dict[str, Any] | None:
            found: dict[str, Any] = ok(tenant.client.get(f"/orders/{order_id}"))
            return found if found["order_version"] > first["order_version"] else None

        changed = wait_for(new_version, what="the changed order in the inbox")
        assert changed["status"] == "received"

        # When the provider accepts it, then both sides agree it is accepted
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=ACCEPT))
        authority_order_status(cw, order_id, "accepted")
        assert ok(tenant.client.get(f"/orders/{order_id}"))["status"] == "accepted"


def _provider_contract(tenant: Tenant, contract_id: str, version: int) -> dict[str, Any]:
    def offered() -> dict[str, Any] | None:
        response = tenant.client.get(f"/contracts/{contract_id}")
        found: dict[str, Any] = response.json()
        return found if response.status_code == 200 and found["version"] >= version else None

    result: dict[str, Any] = wait_for(offered, what=f"contract v{version} at the provider")
    return result


def _today() -> str:
    return str(date.today())
