"""Issue 19, done when: one individual contract's whole life across the three services.

Draft -> both sign -> amend (version 1 stays in force, delivery goes on) -> version 2 signed
-> the provider's extension granted and countersigned -> notice by the provider -> ended on
both sides when the scheduler's clock passes the last day, with the deadlines created and
cancelled as the terms and the notice say. Separate processes on the real broker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from math import ceil
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import (
    authority_order_status,
    decided_case,
    new_tenant,
    ok,
    place_order,
    provider_sees_order,
)
from tests.e2e.lifecycle import both_sides, deadlines, kinds
from tests.harness import wait_for

pytestmark = pytest.mark.e2e
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: its scheduler's clock is moved a month on."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


def pending(ops: httpx.Client, contract_id: str) -> set[str]:
    return kinds(deadlines(ops, contract_id, "pending"))


def test_a_contract_from_draft_through_amendment_extension_and_notice_to_its_end(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Hele Livet")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a decided case whose order the provider accepted, and the contract drafted
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl, {"name": "Alma Berg", "cpr": "0402195671"})
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        start = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=start))
        authority_order_status(cw, order_id, "accepted")
        contract_id = life.individual_contract(cw, order_id)

        # When both sign version 1, then it is in force and the scheduler follows it up
        life.countersign(tenant, contract_id, 1)
        life.in_force(cw, contract_id, 1)
        wait_for(
            lambda: {"follow_up_due", "contract_expiry"} <= pending(ops, contract_id),
            what="the contract's follow-up and expiry at the scheduler",
        )
        delivery = {"on": str(date.today())}
        ok(tenant.client.post(f"/contracts/{contract_id}/delivery/start", json=delivery))

        # When the caseworker amends the price and signs version 2, then version 1 stays in
        # force on both sides
        amend = {"terms": {"price_per_unit_oere": life.PRICE + 1000}}
        ok(cw.post(f"/contracts/{contract_id}/amend", json=amend))
        ok(cw.post(f"/contracts/{contract_id}/sign"))
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("pending_version") == 2)
        assert (here["in_force_version"], there["in_force_version"]) == (1, 1)
        assert there["in_force"] is True
        # And delivery goes on under it: the provider reports on its first follow-up
        life.report_on_next_follow_up(tenant, contract_id, case.goals)

        # When the provider countersigns version 2, then version 2 is in force
        life.countersign(tenant, contract_id, 2)
        life.in_force(cw, contract_id, 2)

        # When the provider asks to extend it and the caseworker grants it
        new_end = str(date.today() + timedelta(days=600))
        ask = {"kind": "extend", "new_end": new_end, "reason": "Målet kræver mere tid"}
        path = f"/contracts/{contract_id}/change-requests"
        request_id = ok(tenant.client.post(path, json=ask), 201)["request_id"]
        wait_for(
            lambda: any(r["request_id"] == request_id for r in ok(cw.get(path))),
            what="the change request at the authority",
        )
        granted = ok(cw.post(f"{path}/{request_id}/grant"))
        assert granted["amended_version"] == 3

        # Then version 3 carries the new end, with version 2's price, once countersigned
        life.countersign(tenant, contract_id, 3)
        v3 = life.in_force(cw, contract_id, 3)["versions"][2]
        assert (v3["expected_end"], v3["price_per_unit_oere"]) == (new_end, life.PRICE + 1000)
        assert ok(tenant.client.get(f"/contracts/{contract_id}"))["terms"]["end"] == new_end

        # When the provider gives 30 days' notice
        notice = {"reason_code": "provider_cannot_deliver", "notice_days": 30}
        given = ok(tenant.client.post(f"/contracts/{contract_id}/terminate", json=notice))
        last_day = str(datetime.now(COPENHAGEN).date() + timedelta(days=30))
        assert given["notice"]["last_day"] == last_day

        # Then both sides keep it in force under notice, and the scheduler keeps only its end
        here, there = both_sides(
            cw, tenant, contract_id, lambda c: (c.get("notice") or {}).get("last_day") == last_day
        )
        assert (here["in_force"], there["in_force"]) == (True, True)
        wait_for(
            lambda: pending(ops, contract_id) == {"contract_ends"},
            what="the follow-ups and expiry after the last day cancelled",
        )

        # When the scheduler's clock passes the last day
        params = {"contract_id": contract_id, "status": "pending"}
        [ends] = [r for r in ok(ops.get("/deadlines", params=params)) if r["phase"] == "due"]
        now = datetime.fromisoformat(ok(ops.get("/clock"))["now"])
        hours = ceil((datetime.fromisoformat(ends["fire_at"]) - now).total_seconds() / 3600) + 1
        ok(ops.post("/clock/advance", json={"hours": max(hours, 1)}))

        # Then it has ended on both sides: no longer in force, delivery refused, nothing pending
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("ended") is True)
        assert (here["in_force"], there["in_force"]) == (False, False)
        refused = tenant.client.post(f"/contracts/{contract_id}/delivery/start", json=delivery)
        assert refused.status_code == 422, refused.text
        assert refused.json()["type"].endswith("/contract_not_in_force")
        wait_for(lambda: not pending(ops, contract_id), what="no deadline left pending")
