"""Issue 19: an early end both parties agree may be today (the caseworker grants the
provider's request to end early with today as the last day), and when both parties give
notice the earlier last day wins on both sides and at the scheduler, the other notice is
recorded beside it (never refused only in a log). Three services on the real broker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
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
from tests.e2e.lifecycle import both_sides, deadlines
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: deadlines due from today are asserted pending here, and other
    tests move the shared stack's scheduler clock months ahead (CI saw them fire at once)."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def contract_in_force(cw: httpx.Client, tl: httpx.Client, tenant: Tenant, cpr: str) -> str:
    case = decided_case(cw, tl, {"name": "Otto Lund", "cpr": cpr})
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
    return contract_id


def last_day(side: dict[str, Any]) -> str | None:
    return (side.get("notice") or {}).get("last_day")


def ends_on(ops: httpx.Client, contract_id: str) -> Any:
    rows = deadlines(ops, contract_id, "pending")
    ends = [
        str(datetime.fromisoformat(r["due_at"]).astimezone(COPENHAGEN).date())
        for r in rows
        if r["kind"] == "contract_ends" and r["phase"] == "due"
    ]
    return ends if len(ends) == 1 else None


def test_an_early_end_both_agreed_ends_the_contract_today(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Aftalt")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        life.framework_in_force(cw, tenant)
        contract_id = contract_in_force(cw, tl, tenant, "2104165678")
        # Given the provider asks to end it today
        today = str(datetime.now(COPENHAGEN).date())
        early = {"kind": "end_early", "last_day": today, "reason": "Familien er flyttet"}
        path = f"/contracts/{contract_id}/change-requests"
        request_id = ok(tenant.client.post(path, json=early), 201)["request_id"]

        def open_request() -> Any:
            rows = ok(cw.get(path))
            return any(r["request_id"] == request_id and r["status"] == "open" for r in rows)

        wait_for(open_request, what="the request at the authority")
        # When the caseworker grants it (both agree: no notice period is required)
        ok(cw.post(f"{path}/{request_id}/grant"))
        # Then the contract has ended today on both sides, and delivery is refused
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("ended") is True)
        assert (last_day(here), last_day(there)) == (today, today)
        refused = tenant.client.post(f"/contracts/{contract_id}/delivery/start", json={"on": today})
        assert refused.json()["type"].endswith("/contract_not_in_force")


def test_when_both_give_notice_the_earlier_last_day_wins_and_the_other_is_kept(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Begge")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        life.framework_in_force(cw, tenant)
        today = datetime.now(COPENHAGEN).date()
        first = contract_in_force(cw, tl, tenant, "2104165679")
        # Given the caseworker's notice of 30 days
        ok(cw.post(f"/contracts/{first}/terminate", json={"reason_code": "goals_met"}))
        thirty, ten = str(today + timedelta(days=30)), str(today + timedelta(days=10))
        both_sides(cw, tenant, first, lambda c: last_day(c) == thirty)
        # When the provider gives notice of 10 days
        body = {"reason_code": "provider_cannot_deliver", "notice_days": 10}
        ok(tenant.client.post(f"/contracts/{first}/terminate", json=body))
        # Then its earlier last day counts on both sides, the caseworker's is kept beside it
        here, _ = both_sides(cw, tenant, first, lambda c: last_day(c) == ten)
        assert here["notice"]["given_by"] == "provider"
        assert (here["other_notice"]["given_by"], here["other_notice"]["last_day"]) == (
            "authority",
            thirty,
        )
        # And the scheduler ends it after the earlier last day only
        ends = wait_for(lambda: ends_on(ops, first), what="one contract_ends")
        assert ends == [str(today + timedelta(days=11))]

        # Given another contract under the caseworker's notice of 10 days
        second = contract_in_force(cw, tl, tenant, "2104165680")
        body10 = {"reason_code": "goals_met", "notice_days": 10}
        ok(cw.post(f"/contracts/{second}/terminate", json=body10))
        both_sides(cw, tenant, second, lambda c: last_day(c) == ten)
        # When the provider gives notice of 40 days, the 10 days stand, its notice is recorded
        later = {"reason_code": "provider_cannot_deliver", "notice_days": 40}
        answered = ok(tenant.client.post(f"/contracts/{second}/terminate", json=later))
        assert answered["notice"]["last_day"] == ten

        def recorded() -> Any:
            got = ok(cw.get(f"/contracts/{second}"))
            return got if got["other_notice"] else None

        at_authority = wait_for(recorded, what="the provider's later notice recorded")
        assert at_authority["notice"]["last_day"] == ten
        assert at_authority["other_notice"]["last_day"] == str(today + timedelta(days=40))
        assert ok(tenant.client.get(f"/contracts/{second}"))["notice"]["last_day"] == ten
