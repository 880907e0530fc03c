"""Issue 19: an individual contract ends by notice (opsigelse) from either party.

Under notice the contract stays in force on both sides through its last day (delivery goes
on); the scheduler cancels what falls due after the last day and ends the contract when its
clock passes it. Without notice (a breach) it ends at once. Authority, provider and scheduler
run as separate processes on the real broker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from math import ceil
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack, started_stack
from tests.e2e.flows import (
    Tenant,
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
    """A stack of its own: the scheduler's clock is moved a month on here, and elsewhere an
    earlier test may have moved it past these contracts' deadlines."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


def contract_in_force(
    cw: httpx.Client, tl: httpx.Client, tenant: Tenant, cpr: str
) -> tuple[str, str]:
    """A contract both signed, from today for 12 months, for a case of its own; with it
    the case's id."""
    case = decided_case(cw, tl, {"name": "Emil Holm", "cpr": cpr})
    order_id = place_order(cw, case, tenant.tenant_id)
    provider_sees_order(tenant, order_id)
    start = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
    ok(tenant.client.post(f"/orders/{order_id}/accept", json=start))
    authority_order_status(cw, order_id, "accepted")
    contract_id = life.individual_contract(cw, order_id)
    life.countersign(tenant, contract_id, 1)
    life.in_force(cw, contract_id, 1)
    wait_for(
        lambda: ok(tenant.client.get(f"/contracts/{contract_id}"))["in_force"],
        what="the contract in force at the provider",
    )
    return contract_id, case.case_id


TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def case_page(stack: Stack, case_id: str) -> tuple[httpx.Client, str, str]:
    """The caseworker's browser on the case page (Danish): the client, the page, its token."""
    browser = httpx.Client(base_url=stack.url("authority"), timeout=15)
    issued = ok(browser.post("/dev/token", json={"user_id": "karen", "roles": ["caseworker"]}))
    browser.cookies.set("samspil_session", issued["access_token"])
    page = html(browser, case_id)
    found = TOKEN.search(page)
    assert found is not None
    return browser, page, found.group(1)


def html(browser: httpx.Client, case_id: str) -> str:
    response = browser.get(f"/ui/cases/{case_id}", headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    return response.text


def start_delivery(tenant: Tenant, contract_id: str) -> httpx.Response:
    return tenant.client.post(
        f"/contracts/{contract_id}/delivery/start", json={"on": str(date.today())}
    )


def test_notice_by_the_provider_keeps_the_contract_in_force_until_the_last_day(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Øst")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a contract in force whose first follow-up (3 months on) the scheduler set
        life.framework_in_force(cw, tenant)
        contract_id, case_id = contract_in_force(cw, tl, tenant, "0301195678")
        wait_for(
            lambda: (
                {"follow_up_due", "status_report_due", "contract_expiry"}
                <= kinds(deadlines(ops, contract_id, "pending"))
            ),
            what="the contract's deadlines at the scheduler",
        )

        # When the provider gives 30 days' notice
        body = {"reason_code": "provider_cannot_deliver", "notice_days": 30}
        given = ok(tenant.client.post(f"/contracts/{contract_id}/terminate", json=body))
        today = datetime.now(COPENHAGEN).date()
        last_day = str(today + timedelta(days=30))
        assert given["notice"]["last_day"] == last_day

        # Then both sides show it in force, with the notice: who, why, the last day
        here, there = both_sides(
            cw, tenant, contract_id, lambda c: (c.get("notice") or {}).get("last_day") == last_day
        )
        for side in (here, there):
            assert side["in_force"] is True
            assert side["notice"]["given_by"] == "provider"
            assert side["notice"]["reason_code"] == "provider_cannot_deliver"
        # And the caseworker's case page shows it under notice, with no form to give notice
        _, page, _ = case_page(stack, case_id)
        assert "Opsagt: gælder til og med" in page
        assert "opsagt af Leverandør" in page
        assert f"/contracts/{contract_id}/terminate" not in page
        assert f"/contracts/{contract_id}/amend" not in page  # refused under notice anyway
        # And delivery still starts under it, and a claim is still received
        ok(start_delivery(tenant, contract_id))
        claim = {
            "contract_id": contract_id,
            "claim_number": "FN-OPS-0001",
            "period_start": str(today),
            "period_end": str(today + timedelta(days=13)),
            "lines": [{"description": "Timer", "units": 4, "unit_price_oere": life.PRICE}],
        }
        claim_id = ok(tenant.client.post("/claims", json=claim), 201)["claim_id"]
        with stack.client("authority", "finance", user="frida") as finance:
            wait_for(
                lambda: any(str(c["claim_id"]) == claim_id for c in ok(finance.get("/claims"))),
                what="the claim at the authority",
            )

        # And the scheduler cancelled what falls after the last day, and set the end
        def after_notice() -> Any:
            pending = deadlines(ops, contract_id, "pending")
            return pending if kinds(pending) == {"contract_ends"} else None

        pending = wait_for(after_notice, what="the deadlines fitted to the notice")
        [ends] = [r for r in pending if r["phase"] == "due"]
        cancelled = kinds(deadlines(ops, contract_id, "cancelled"))
        assert {"follow_up_due", "status_report_due", "contract_expiry"} <= cancelled
        assert datetime.fromisoformat(ends["due_at"]).astimezone(COPENHAGEN).date() == (
            today + timedelta(days=31)
        )

        # And a second notice by the same party is refused with a code
        again = tenant.client.post(f"/contracts/{contract_id}/terminate", json=body)
        assert again.status_code == 409, again.text
        assert again.json()["type"].endswith("/contract_already_terminated")
        assert {"da", "en"} <= set(again.json()["texts"])
        # While the other party's notice to no earlier a day is recorded beside it (the
        # provider's last day stands; tests/e2e/test_contract_notices_both.py), once
        by_authority = ok(
            cw.post(f"/contracts/{contract_id}/terminate", json={"reason_code": "goals_met"})
        )
        assert by_authority["notice"]["given_by"] == "provider"
        assert by_authority["notice"]["last_day"] == last_day
        twice = cw.post(f"/contracts/{contract_id}/terminate", json={"reason_code": "goals_met"})
        assert twice.status_code == 409, twice.text
        assert twice.json()["type"].endswith("/contract_already_terminated")
        assert {"da", "en"} <= set(twice.json()["texts"])

        # When the scheduler's clock passes the last day
        now = datetime.fromisoformat(ok(ops.get("/clock"))["now"])
        hours = ceil((datetime.fromisoformat(ends["fire_at"]) - now).total_seconds() / 3600) + 1
        ok(ops.post("/clock/advance", json={"hours": max(hours, 1)}))

        # Then the contract has ended on both sides, and the scheduler closed its deadlines
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("ended") is True)
        assert here["in_force"] is False
        assert there["in_force"] is False
        wait_for(
            lambda: not deadlines(ops, contract_id, "pending"), what="no deadline left pending"
        )


def test_immediate_termination_for_a_breach_ends_the_contract_at_once(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Vest")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a contract in force
        life.framework_in_force(cw, tenant)
        contract_id, case_id = contract_in_force(cw, tl, tenant, "1207185678")
        wait_for(
            lambda: "follow_up_due" in kinds(deadlines(ops, contract_id, "pending")),
            what="the contract's follow-up at the scheduler",
        )

        # When notice without a period is given for anything but a breach, it is refused
        refused = cw.post(
            f"/contracts/{contract_id}/terminate",
            json={"reason_code": "goals_met", "notice_days": 0},
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["type"].endswith("/notice_period_required")
        assert {"da", "en"} <= set(refused.json()["texts"])

        # When notice is given on a revision of the contract that is no longer current
        stale = cw.post(
            f"/contracts/{contract_id}/terminate",
            json={"reason_code": "goals_met", "expected_revision": 1},
        )
        assert stale.status_code == 409, stale.text
        assert stale.json()["type"].endswith("/stale_revision")

        # When the caseworker terminates at once on the case page, because the provider
        # does not deliver
        browser, page, token = case_page(stack, case_id)
        assert "Opsig kontrakten" in page
        form = {
            "csrf_token": token,
            "reason_code": "provider_not_delivering",
            "notice_days": "0",
            "termination_text": "Ingen besøg i tre uger",
        }
        posted = browser.post(f"/ui/cases/{case_id}/contracts/{contract_id}/terminate", data=form)
        assert posted.status_code == 303, posted.text
        page = html(browser, case_id)
        assert "Ophørt efter opsigelse" in page

        # Then it has ended on both sides
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("ended") is True)
        assert here["in_force"] is False
        assert there["in_force"] is False
        assert there["notice"]["given_by"] == "authority"
        assert there["notice"]["reason_code"] == "provider_not_delivering"
        # And the provider may not start delivery on it
        refused = start_delivery(tenant, contract_id)
        assert refused.status_code == 422, refused.text
        assert refused.json()["type"].endswith("/contract_not_in_force")
        # And the scheduler cancelled every deadline of it
        wait_for(
            lambda: not deadlines(ops, contract_id, "pending"), what="no deadline left pending"
        )
        # And another tenant cannot give notice of it
        other = new_tenant(stack, "Ungehuset Syd")
        foreign = other.client.post(
            f"/contracts/{contract_id}/terminate", json={"reason_code": "other", "text": "x"}
        )
        assert foreign.status_code == 404
