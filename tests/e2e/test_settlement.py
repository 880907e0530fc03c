"""Issue 19, settlement by the contract's terms, across the three running services on the
real broker: the authority checks a claim against the contract version in force for the
claimed period (a special economic agreement billed as its own line), finance decides each
line with a coded reason on the case page, the provider's credit note reduces the approved
amount, the scheduler tracks the payment deadline the contract's payment terms set until
finance marks the claim paid; the provider sees each line's outcome by API and webhook."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from samspil_provider_kit.local_server import serving
from samspil_provider_kit.reference_receiver import create_app

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
from tests.harness import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> Iterator[Stack]:
    """A stack of its own: deadlines due from today are asserted pending here, and other
    tests move the shared stack's scheduler clock months ahead (CI saw them fire at once)."""
    with started_stack(kafka_bootstrap, new_database_url) as own:
        yield own


SECRET = "whsec_e2e_settlement_0123456789abcd"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
TRANSPORT = 40_000  # øre: the special economic agreement's weekly transport


def contract_with_agreement(cw: httpx.Client, tl: httpx.Client, tenant: Tenant) -> tuple[str, str]:
    """A contract in force from today, 14 days' payment terms, a special economic agreement."""
    case = decided_case(cw, tl, {"name": "Ida Holm", "cpr": "1503165678"})
    order_id = place_order(cw, case, tenant.tenant_id)
    provider_sees_order(tenant, order_id)
    start = {"expected_start": str(date.today()), "contact": life.PROVIDER_CONTACT}
    ok(tenant.client.post(f"/orders/{order_id}/accept", json=start))
    authority_order_status(cw, order_id, "accepted")
    terms = {
        "price_per_unit_oere": life.PRICE,
        "unit": "hour",
        "special_economic_agreements": "Transport til familien: 400 kr. pr. uge",
        "payment_terms_days": 14,
        "authority_contact": life.CONTACT,
        "provider_contact": life.PROVIDER_CONTACT,
        "duration_months": 12,
        "start": str(date.today()),
    }
    drafted = ok(cw.post("/contracts", json={"order_id": order_id, "terms": terms}), 201)
    contract_id = str(drafted["contract_id"])
    ok(cw.post(f"/contracts/{contract_id}/sign"))
    life.countersign(tenant, contract_id, 1)
    life.in_force(cw, contract_id, 1)
    wait_for(
        lambda: ok(tenant.client.get(f"/contracts/{contract_id}"))["in_force"],
        what="the contract in force at the provider",
    )
    return contract_id, case.case_id


def finance_browser(stack: Stack) -> httpx.Client:
    browser = httpx.Client(base_url=stack.url("authority"), timeout=15)
    issued = ok(browser.post("/dev/token", json={"user_id": "frida", "roles": ["finance"]}))
    browser.cookies.set("samspil_session", issued["access_token"])
    return browser


def on_my_work(stack: Stack, section: str, case_id: str) -> bool:
    """Whether finance's My work lists the case's claim under ``section`` (claims/payments)."""
    browser = finance_browser(stack)
    try:
        page = browser.get("/ui/", headers={"Accept": "text/html"}).text
    finally:
        browser.close()
    start = page.index(f'id="{section}"')
    return f"/ui/cases/{case_id}#claims" in page[start : page.index("</section>", start)]


def finance_decides_on_the_case_page(stack: Stack, case_id: str, claim_id: str) -> None:
    """Finance's browser: lines 1 and 2 approved, line 3 rejected as beyond the scope."""
    browser = finance_browser(stack)
    page = browser.get(f"/ui/cases/{case_id}", headers={"Accept": "text/html"}).text
    action = f"/ui/cases/{case_id}/claims/{claim_id}/lines"
    assert action in page
    assert "Særlig økonomisk aftale" in page  # the agreement is its own line
    assert "Ud over det aftalte omfang" in page  # suggested for the hour beyond the scope
    found = TOKEN.search(page)
    assert found is not None
    form = {
        "csrf_token": found.group(1),
        "line_count": "3",
        "line-1": "approve",
        "line-2": "approve",
        "line-3": "exceeds_scope",
    }
    response = browser.post(action, data=form, follow_redirects=False)
    assert response.status_code == 303, response.text  # done: back to the case page


def payment_deadlines(ops: httpx.Client, case_id: str, claim_id: str, status: str) -> list[Any]:
    rows = ok(ops.get("/deadlines", params={"case_id": case_id, "status": status}))
    return [
        r
        for r in rows
        if r["kind"] == "payment_due" and r["subject_id"] == claim_id and r["phase"] == "due"
    ]


def test_a_claim_is_settled_line_by_line_by_the_contracts_terms_until_paid(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Afregning")
    receiver = create_app([SECRET])
    with (
        serving(receiver) as base_url,
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        stack.client("authority", "finance", user="frida") as finance,
        stack.client("scheduler", "ops", user="ops-1") as ops,
    ):
        endpoint = {"url": f"{base_url}/webhooks", "secret": SECRET}
        ok(tenant.client.put("/webhooks/endpoint", json=endpoint), 204)
        life.framework_in_force(cw, tenant)
        contract_id, case_id = contract_with_agreement(cw, tl, tenant)

        # When the provider claims a week: 6 hours, the transport, and a 7th hour
        today = date.today()
        lines = [
            {"description": "Støtte i hjemmet", "units": 6, "unit_price_oere": life.PRICE},
            {
                "description": "Transport",
                "units": 1,
                "unit_price_oere": TRANSPORT,
                "kind": "special_agreement",
            },
            {"description": "Ekstra time", "units": 1, "unit_price_oere": life.PRICE},
        ]
        claim = {
            "contract_id": contract_id,
            "claim_number": "FN-AFR-0001",
            "period_start": str(today),
            "period_end": str(today + timedelta(days=6)),
            "lines": lines,
        }
        claim_id = str(ok(tenant.client.post("/claims", json=claim), 201)["claim_id"])

        # Then the authority checks it against version 1: the 7th hour is beyond the scope
        def at_authority() -> Any:
            got = finance.get(f"/claims/{claim_id}")
            return got.json() if got.status_code == 200 else None

        row = wait_for(at_authority, what="the claim at the authority")
        assert row["contract_version"] == 1
        assert [x["suggested_reason_code"] for x in row["lines"]] == [None, None, "exceeds_scope"]
        # And the scheduler tracks payment 14 days after the claim (the contract's terms)
        [due] = wait_for(
            lambda: payment_deadlines(ops, case_id, claim_id, "pending") or None,
            what="the payment deadline",
        )
        # (rolled to a Danish working day as the municipality's rules say)
        assert date.fromisoformat(row["payment_due_on"]) == today + timedelta(days=14)
        rolled = date.fromisoformat(due["due_at"][:10]) - date.fromisoformat(row["payment_due_on"])
        assert timedelta(0) <= rolled <= timedelta(days=4)

        # Given the provider's credit note of 100 kr, applied at the authority
        note = {"amount_oere": 10_000, "reason": "En time blev kortere"}
        ok(tenant.client.post(f"/claims/{claim_id}/credit-notes", json=note), 201)
        wait_for(
            lambda: ok(finance.get(f"/claims/{claim_id}"))["credited_oere"] == 10_000,
            what="the credit note at the authority",
        )

        # When finance, from My work's claims to decide, decides the lines on the case page
        assert on_my_work(stack, "claims", case_id)
        assert not on_my_work(stack, "payments", case_id)
        finance_decides_on_the_case_page(stack, case_id, claim_id)

        # Then the provider sees each line's outcome by API and webhook, less the credit note
        def decided() -> Any:
            got = ok(tenant.client.get(f"/claims/{claim_id}"))
            return got if got["status"] == "approved" else None

        seen = wait_for(decided, what="the decision at the provider")
        assert [(x["outcome"], x["reason_code"]) for x in seen["lines"]] == [
            ("approved", None),
            ("approved", None),
            ("rejected", "exceeds_scope"),
        ]
        approved_total = 6 * life.PRICE + TRANSPORT - 10_000
        assert seen["approved_total_oere"] == approved_total
        assert seen["payment_due_on"] == row["payment_due_on"]

        def told(kind: str) -> Any:
            found = [
                w["data"]
                for w in receiver.state.received
                if w["type"] == kind and w["data"]["claim_id"] == claim_id
            ]
            return found[0] if found else None

        webhook = wait_for(lambda: told("claim.approved"), timeout=60, what="claim.approved")
        assert webhook["lines"][2] == {
            "line": 3,
            "outcome": "rejected",
            "reason_code": "exceeds_scope",
        }
        # And approval leaves the payment deadline open: it is tracked until paid, and the
        # claim moves on finance's My work from claims to decide to payments due
        assert payment_deadlines(ops, case_id, claim_id, "pending")
        assert on_my_work(stack, "payments", case_id)
        assert not on_my_work(stack, "claims", case_id)

        # When finance marks it paid
        ok(finance.post(f"/claims/{claim_id}/paid", json={"paid_on": str(today)}))

        # Then the scheduler closes the payment deadline, and the provider hears of it
        wait_for(
            lambda: not payment_deadlines(ops, case_id, claim_id, "pending"),
            what="the payment deadline closed",
        )
        paid = wait_for(lambda: told("claim.paid"), timeout=60, what="claim.paid")
        assert (paid["paid_on"], paid["paid_total_oere"]) == (str(today), approved_total)
        assert ok(tenant.client.get(f"/claims/{claim_id}"))["paid_on"] == str(today)
        assert not on_my_work(stack, "payments", case_id)
