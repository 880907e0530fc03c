"""Issue 19: an individual contract expires at its expected end. When the scheduler's
contract_expiry falls due and no extension was signed by both, the contract ends on both
sides, the order is closed and delivery is refused; the scheduler closes what is left.
Authority, provider and scheduler run as separate processes on the real broker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from math import ceil
from typing import Any

import httpx
import pytest
from authority.domain.contract.ends import add_months

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


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: the scheduler's clock is moved past the contract's end here."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


def one_month_contract(cw: httpx.Client, tl: httpx.Client, tenant: Tenant) -> tuple[str, str]:
    """A contract both signed, from today for one month; with its order."""
    case = decided_case(cw, tl, {"name": "Alma Berg", "cpr": "0902175678"})
    order_id = place_order(cw, case, tenant.tenant_id)
    provider_sees_order(tenant, order_id)
    start = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
    ok(tenant.client.post(f"/orders/{order_id}/accept", json=start))
    authority_order_status(cw, order_id, "accepted")
    terms = {
        "price_per_unit_oere": life.PRICE,
        "unit": "hour",
        "authority_contact": life.CONTACT,
        "provider_contact": life.PROVIDER_CONTACT,
        "duration_months": 1,
        "start": str(date.today()),
    }
    drafted = ok(cw.post("/contracts", json={"order_id": order_id, "terms": terms}), 201)
    contract_id = str(drafted["contract_id"])
    ok(cw.post(f"/contracts/{contract_id}/sign"))
    life.countersign(tenant, contract_id, 1)
    life.in_force(cw, contract_id, 1)
    return contract_id, order_id


def expiry_phase(ops: httpx.Client, contract_id: str, phase: str) -> Any:
    rows = deadlines(ops, contract_id, "pending")
    found = [r for r in rows if r["kind"] == "contract_expiry" and r["phase"] == phase]
    return found[0] if found else None


def advance_past(ops: httpx.Client, row: Any) -> None:
    fire_at = datetime.fromisoformat(row["fire_at"])
    now = datetime.fromisoformat(ok(ops.get("/clock"))["now"])
    hours = max(0, ceil((fire_at - now).total_seconds() / 3600)) + 1
    ok(ops.post("/clock/advance", json={"hours": hours}))


def test_at_its_expected_end_the_contract_ends_on_both_sides_and_the_order_closes(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Udløb")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        # Given a one-month contract in force, its expiry set by the scheduler
        life.framework_in_force(cw, tenant)
        contract_id, order_id = one_month_contract(cw, tl, tenant)
        due = wait_for(lambda: expiry_phase(ops, contract_id, "due"), what="the expiry")
        overdue = expiry_phase(ops, contract_id, "overdue")
        ok(
            tenant.client.post(
                f"/contracts/{contract_id}/delivery/start", json={"on": str(date.today())}
            )
        )

        # When the expiry falls due (09:00 on the last day, or a working day before it)
        advance_past(ops, due)
        wait_for(lambda: not expiry_phase(ops, contract_id, "due"), what="the expiry fell due")
        # Then it is still in force on both sides: through its last day
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("in_force") is True)
        assert (here["ended"], there["ended"]) == (False, False)

        # When the scheduler's clock passes the first working day after the end, without an
        # extension
        advance_past(ops, overdue)

        # Then both sides show it ended, no longer in force
        here, there = both_sides(cw, tenant, contract_id, lambda c: c.get("ended") is True)
        assert (here["in_force"], there["in_force"]) == (False, False)
        assert here["expired_on"] == str(add_months(date.today(), 1))  # its last day
        # And the order is closed at the authority
        authority_order_status(cw, order_id, "ended")
        # And delivery is refused afterwards
        refused = tenant.client.post(
            f"/contracts/{contract_id}/delivery/start", json={"on": str(date.today())}
        )
        assert refused.status_code == 422
        assert refused.json()["type"].endswith("/contract_not_in_force")
        # And the scheduler has nothing left pending for the contract
        wait_for(
            lambda: not kinds(deadlines(ops, contract_id, "pending")),
            what="the contract's deadlines closed",
        )
