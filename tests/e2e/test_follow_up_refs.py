"""Issue 23: a provider's system learns the ``followup_ref`` of the follow-up it reports
before from the provider API alone, reports with it, and an invented ref is refused;
authority, provider and scheduler run as separate processes on the real broker."""

from __future__ import annotations

from datetime import date

import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack
from tests.e2e.flows import (
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)

pytestmark = pytest.mark.e2e


def test_a_provider_reports_with_the_followup_ref_the_api_lists(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Syd")
    other = new_tenant(stack, "Ungehuset Vest")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a contract in force for an order the provider accepted
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        start = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=start))
        authority_order_status(cw, order_id, "accepted")
        contract_id = life.individual_contract(cw, order_id)
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)

        # When the provider lists the contract's follow-ups (the scheduler set the first)
        listed = life.provider_follow_ups(tenant, contract_id)

        # Then it sees the scheduler's first follow-up by the scheduler's own id, with the
        # status report due before it
        refs = set()
        for status in ("pending", "done"):  # the shared clock may have fired it already
            params = {"contract_id": contract_id, "status": status}
            rows = ok(ops.get("/deadlines", params=params))
            refs |= {str(r["deadline_id"]) for r in rows if r["kind"] == "follow_up_due"}
        assert len(listed) == 1
        first = listed[0]
        assert first["followup_ref"] in refs
        assert first["report_due_on"] is not None
        assert first["report_due_on"] <= first["due_on"]
        by_order = ok(tenant.client.get(f"/orders/{order_id}/follow-ups"))
        assert [f["followup_ref"] for f in by_order] == [first["followup_ref"]]
        # And another provider sees none of it
        assert other.client.get(f"/contracts/{contract_id}/follow-ups").status_code == 404

        # When it reports with an invented ref, then it is refused and nothing is sent
        invented = life.status_report_post(tenant, contract_id, case.goals, "opfoelgning-1")
        assert invented.status_code == 422, invented.text
        assert invented.json()["type"].endswith("/unknown_followup_ref")
        assert {"da", "en"} <= set(invented.json()["texts"])

        # When it reports with the listed ref, then it is accepted
        life.status_report(tenant, contract_id, case.goals, first["followup_ref"])
