"""A small world for the API fuzz test: one case through contract, delivery, report, concern
and claim, so generated requests reach real resources instead of 404s."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

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


@dataclass(frozen=True)
class World:
    tenant: Tenant
    ids: dict[str, str]  # path parameter name → a real id of that kind


def build_world(stack: Stack) -> World:
    """Case → order → accepted → contract in force → delivery, report, concern, claim."""
    tenant = new_tenant(stack, "Fuzz tenant")
    with (
        stack.client("authority", "caseworker", user="fuzz-cw") as cw,
        stack.client("authority", "team_leader", user="fuzz-tl") as tl,
    ):
        standard_id = life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        accept = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=accept))
        authority_order_status(cw, order_id, "accepted")
        contract_id = life.individual_contract(cw, order_id)
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)
        ok(tenant.client.post(f"/contracts/{contract_id}/delivery/start", json={"on": _today()}))
        life.report_on_next_follow_up(tenant, contract_id, case.goals)
        concern_id = life.concern(tenant, contract_id, "Fuzz: bekymring")
        claim_id = _claim(tenant, contract_id)
        wait_for(lambda: ok(cw.get("/concerns", params={"case_id": case.case_id})), what="concern")
    return World(
        tenant,
        {
            "case_id": case.case_id,
            "decision_id": case.decision_id,
            "order_id": order_id,
            "contract_id": contract_id,
            "standard_contract_id": standard_id,
            "concern_id": concern_id,
            "claim_id": claim_id,
            "provider_id": tenant.tenant_id,
            "tenant_id": tenant.tenant_id,
        },
    )


def _today() -> str:
    return str(datetime.now(UTC).date())


def _claim(tenant: Tenant, contract_id: str) -> str:
    start = date.today()
    body = {
        "contract_id": contract_id,
        "claim_number": "FUZZ-1",
        "period_start": str(start),
        "period_end": str(start + timedelta(days=27)),
        "lines": [{"description": "Timer", "units": 4, "unit_price_oere": life.PRICE}],
    }
    return str(ok(tenant.client.post("/claims", json=body), 201)["claim_id"])
