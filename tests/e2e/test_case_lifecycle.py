"""A barnets lov § 32, stk. 1, nr. 2 case from investigation to final settlement, across all
three services.

Authority, provider and scheduler run as separate processes on the real broker, each with
its own database. The scheduler's clock is moved forward to bring the statutory follow-ups
due (first after 3 months, then 6 months after the follow-up held).
"""

from __future__ import annotations

from datetime import date, timedelta

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
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


def test_home_support_from_investigation_to_final_settlement(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Nord")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("authority", "finance", user="frida") as finance,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Refused: a decision before the child investigation is concluded
        early = ok(
            cw.post(
                "/cases",
                json={
                    "child": {"name": "Ida Nielsen", "cpr": "0205165678"},
                    "parents": [],
                    "custody": {
                        "kind": "guardian",
                        "guardian": {"name": "Ole Nielsen", "cpr": "0101705678"},
                    },
                    "contact_person": "Karen",
                },
            ),
            201,
        )
        refused = cw.post(
            f"/cases/{early['case_id']}/decisions",
            json={"measure": "sel_52_3_2", "assessment": "For tidligt"},
        )
        assert refused.status_code == 422
        assert refused.json()["type"].endswith("/investigation_not_concluded")

        # Investigation → approved decision → action plan → order → acceptance
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        ok(
            tenant.client.post(
                f"/orders/{order_id}/accept",
                json={
                    "expected_start": str(date.today() + timedelta(days=14)),
                    "contact": life.PROVIDER_CONTACT,
                },
            )
        )
        authority_order_status(cw, order_id, "accepted")

        # The contract: signed by the authority, not in force until the provider countersigns
        contract_id = life.individual_contract(cw, order_id)
        assert ok(cw.get(f"/contracts/{contract_id}"))["in_force"] is False
        wait_for(
            lambda: tenant.client.get(f"/contracts/{contract_id}").status_code == 200,
            what="contract offered to the provider",
        )
        not_yet = tenant.client.post(
            f"/contracts/{contract_id}/delivery/start", json={"on": str(date.today())}
        )
        assert not_yet.status_code == 422
        assert not_yet.json()["type"].endswith("/contract_not_in_force")
        stale = cw.post(
            f"/contracts/{contract_id}/amend",
            json={
                "expected_revision": 1,
                "terms": {
                    "price_per_unit_oere": life.PRICE + 100,
                    "unit": "hour",
                    "authority_contact": life.CONTACT,
                    "provider_contact": life.PROVIDER_CONTACT,
                },
            },
        )
        assert stale.status_code == 409
        assert stale.json()["current_revision"] > 1
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)
        ok(
            tenant.client.post(
                f"/contracts/{contract_id}/delivery/start",
                json={"on": str(date.today())},
            )
        )

        # First follow-up 3 months after the start: due from the scheduler, report, adjust
        life.advance_to_next_follow_up(ops, contract_id)
        first = life.open_follow_up(cw, case.case_id, contract_id)
        life.status_report(tenant, contract_id, case.goals, ref=str(first["followup_id"]))
        attached = life.report_attached(cw, str(first["followup_id"]))["report"]
        assert attached["goals"]
        # The caseworker reads the provider's narrative, and a concern's details
        assert attached["narrative"] == life.NARRATIVE
        concern_id = life.concern(tenant, contract_id, "Emil virkede bange ved afhentning")
        read = life.concern_read(cw, concern_id)
        assert read["details"] == "Emil virkede bange ved afhentning"
        seen = {r["what"] for r in ok(cw.get("/access-log", params={"case_id": case.case_id}))}
        assert {"report_text", "concern_text"} <= seen
        ok(
            cw.post(
                f"/follow-ups/{first['followup_id']}/outcome",
                json={
                    "outcome": "adjust",
                    "notes": "Flere timer i en periode",
                    "new_terms": {
                        "goals": case.goals,
                        "scope": {"hours": 8, "per": "week"},
                        "frequency": {"times": 3, "per": "week"},
                    },
                },
            )
        )
        # The adjusted contract is a new version that both must sign again
        life.countersign(tenant, contract_id, 2)
        life.in_force(cw, contract_id, 2)

        # Next follow-up, 6 months after the one held: report, then the measure ends
        life.advance_to_next_follow_up(ops, contract_id)
        second = life.open_follow_up(cw, case.case_id, contract_id)
        assert second["followup_id"] != first["followup_id"]
        life.status_report(tenant, contract_id, case.goals, ref=str(second["followup_id"]))
        life.report_attached(cw, str(second["followup_id"]))
        ok(
            cw.post(
                f"/follow-ups/{second['followup_id']}/outcome",
                json={"outcome": "end", "notes": "Målene er nået", "reason": "Målene er nået"},
            )
        )
        authority_order_status(cw, order_id, "ended")
        wait_for(
            lambda: not ok(cw.get(f"/contracts/{contract_id}"))["in_force"],
            what="contract terminated",
        )

        # Final settlement: the provider claims at the contract price, finance approves
        start = date.today()
        claim = ok(
            tenant.client.post(
                "/claims",
                json={
                    "contract_id": contract_id,
                    "claim_number": "FN-2026-0001",
                    "period_start": str(start),
                    "period_end": str(start + timedelta(days=27)),
                    "lines": [
                        {
                            "description": "Støtte i hjemmet, timer",
                            "units": 20,
                            "unit_price_oere": life.PRICE,
                        }
                    ],
                },
            ),
            201,
        )
        claim_id = str(claim["claim_id"])
        wait_for(
            lambda: any(str(c["claim_id"]) == claim_id for c in ok(finance.get("/claims"))),
            what="claim at the authority",
        )
        denied = cw.post(f"/claims/{claim_id}/approve")
        assert denied.status_code == 403
        ok(finance.post(f"/claims/{claim_id}/approve"))
        wait_for(
            lambda: any(
                str(c["claim_id"]) == claim_id and c["status"] == "approved"
                for c in ok(tenant.client.get("/claims"))
            ),
            what="approval back at the provider",
        )
