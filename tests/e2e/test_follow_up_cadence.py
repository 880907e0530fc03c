"""A case's own follow-up arrangement (opfølgning, barnets lov § 95) drives the scheduler.

The first follow-up falls at the earlier of the conclusion of an investigation run alongside
the measure and 3 months after the start; after it, the cadence the case decided. A 12-month
cadence used to be accepted by the authority and refused by the scheduler, which left the
contract without any follow-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

import httpx
import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import (
    MOTHER,
    YESTERDAY,
    DecidedCase,
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: its scheduler's clock starts today. On the shared one an earlier
    test may have moved the clock past these contracts' 3 months, and a follow-up already
    overdue is not brought forward. The tests below move it in file order."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


CHILD = {"name": "Sofie Madsen", "cpr": "1405175678"}


def follow_ups_due(ops: httpx.Client, contract_id: str) -> list[date]:
    """The due dates of the contract's follow-ups not cancelled (held or withdrawn), as local
    dates. Fired ones count too: the stack's clock is shared and only moves forward, so an
    earlier test may have moved it past one of these."""
    rows = [
        row
        for status in ("pending", "done")
        for row in ok(ops.get("/deadlines", params={"contract_id": contract_id, "status": status}))
    ]
    return sorted(
        datetime.fromisoformat(r["due_at"]).date()
        for r in rows
        if r["kind"] == "follow_up_due" and r["phase"] == "due"
    )


def contract_for_three_years(cw: httpx.Client, order_id: str) -> str:
    terms: dict[str, Any] = {
        "price_per_unit_oere": life.PRICE,
        "unit": "hour",
        "authority_contact": life.CONTACT,
        "provider_contact": life.PROVIDER_CONTACT,
        "duration_months": 36,
        "start": str(date.today()),
    }
    body = {"order_id": order_id, "terms": terms}
    contract_id = str(ok(cw.post("/contracts", json=body), 201)["contract_id"])
    ok(cw.post(f"/contracts/{contract_id}/sign"))
    return contract_id


def decided_in_parallel(cw: httpx.Client, tl: httpx.Client) -> DecidedCase:
    """A measure decided while the child investigation still runs (barnets lov § 32, stk. 4)."""
    body = {
        "child": {"name": "Noah Berg", "cpr": "2307185678"},
        "parents": [MOTHER],
        "custody": {"kind": "mother"},
        "contact_person": "Karen Jensen, socialrådgiver",
    }
    case_id = ok(cw.post("/cases", json=body), 201)["case_id"]
    ok(cw.post(f"/cases/{case_id}/investigation/start"))
    decision = {
        "measure": "sel_52_3_2",
        "assessment": "Konkret vurdering: støtte i hjemmet nu",
        "purpose": "Ro og faste rammer i hjemmet",
        "expected_duration_months": 12,
        "consent": {"given_by": ["mother"], "given_on": str(YESTERDAY)},
        "parallel_justification": "Familien kan ikke vente på undersøgelsens afslutning",
        "plan_made": True,
    }
    decision_id = ok(cw.post(f"/cases/{case_id}/decisions", json=decision), 201)["decision_id"]
    ok(tl.post(f"/cases/{case_id}/decisions/{decision_id}/approve"))
    goals = [{"area": "family_relations", "text": "Faste rutiner morgen og aften"}]
    plan = ok(
        cw.post(
            f"/cases/{case_id}/action-plans", json={"goals": goals, "participants": ["mother"]}
        ),
        201,
    )
    return DecidedCase(case_id, decision_id, plan["goals"])


def test_barnets_lov_95_first_follow_up_at_the_conclusion_then_the_arrangement_decided(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Vest")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a measure started in parallel with the investigation, its contract in force
        life.framework_in_force(cw, tenant)
        case = decided_in_parallel(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        accept = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=accept))
        authority_order_status(cw, order_id, "accepted")
        contract_id = contract_for_three_years(cw, order_id)
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)
        three_months = wait_for(lambda: follow_ups_due(ops, contract_id), what="follow-up")
        assert (three_months[0] - date.today()).days >= 80
        # When the investigation concludes today
        summary = {"summary": "Undersøgelsen bekræfter behovet"}
        ok(cw.post(f"/cases/{case.case_id}/investigation/conclude", json=summary))

        # Then the first follow-up falls now (today, or the next working day)
        def brought_forward() -> list[date] | None:
            due = follow_ups_due(ops, contract_id)
            return due if due and due[0] < three_months[0] else None

        first = wait_for(brought_forward, what="the first follow-up brought forward")
        assert 0 <= (first[0] - date.today()).days <= 4, first
        # When it falls due and the caseworker holds it, deciding the arrangement after it:
        # every 12 months, justified to the child and the mother
        life.advance_to_next_follow_up(ops, contract_id, first=True)
        held = life.open_follow_up(cw, case.case_id, contract_id)
        outcome = {
            "outcome": "continue",
            "notes": "Undersøgelsen er afsluttet; indsatsen fortsætter",
            "arrangement": {"months": 12, "justification": "Stabil udvikling, aftalt med Noah"},
        }
        ok(cw.post(f"/follow-ups/{held['followup_id']}/outcome", json=outcome))

        # Then the next follow-up follows that arrangement: 12 months after the one held
        def next_one() -> list[date] | None:
            due = [d for d in follow_ups_due(ops, contract_id) if d > first[0]]
            return due or None

        second = wait_for(next_one, what="the follow-up a year later")
        assert 360 <= (second[0] - date.today()).days <= 366, second


def test_barnets_lov_95_a_12_month_cadence_gets_its_follow_ups(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Syd")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a decided measure, ordered, accepted and its contract signed by the authority
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl, CHILD)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        accept = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=accept))
        authority_order_status(cw, order_id, "accepted")
        contract_id = contract_for_three_years(cw, order_id)
        # And the caseworker has decided a follow-up every 12 months, with a justification
        cadence = {
            "contract_id": contract_id,
            "months": 12,
            "justification": "Stabil anbringelse; barnet og moren er orienteret",
        }
        ok(cw.post(f"/cases/{case.case_id}/follow-up-cadence", json=cadence))
        # When the provider countersigns, so the contract comes into force with that cadence
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)
        # Then the scheduler has the first follow-up, at the latest 3 months after the start
        first = wait_for(lambda: follow_ups_due(ops, contract_id), what="the first follow-up")
        assert len(first) == 1
        assert 80 <= (first[0] - date.today()).days <= 92
        # When it falls due and is held (the measure continues)
        life.advance_to_next_follow_up(ops, contract_id, first=True)
        held = life.open_follow_up(cw, case.case_id, contract_id)
        outcome = {"outcome": "continue", "notes": "Trivsel i skole og hjem"}
        ok(cw.post(f"/follow-ups/{held['followup_id']}/outcome", json=outcome))

        # Then the next follow-up is 12 months after the one held (on a working day before)
        def next_one() -> list[date] | None:
            due = [d for d in follow_ups_due(ops, contract_id) if d > first[0]]
            return due or None

        second = wait_for(next_one, what="the follow-up a year later")
        gap = (second[0] - date.today()).days
        assert 360 <= gap <= 366, second
