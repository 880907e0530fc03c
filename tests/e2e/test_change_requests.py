"""Change requests across the three services (issue 19, cf. JW315/JW317): the provider asks
to extend a contract in force, the caseworker sees and grants it, the amendment is drafted
from the version in force and countersigned as any; another request is refused with a
code; a contract not in force and a second open request of a kind are refused."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect
from scheduler.domain import DEFAULT_RULES, at_local, to_local_date

from tests.e2e import lifecycle as life
from tests.e2e.browser import audited, chromium, reload_until, sign_in
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
REASON = "Familien har brug for mere tid til målet om skolegang"
NINE = time(9, 0)
NEW_END = str(date.today() + timedelta(days=600))  # later than the 12 months contracted


def refused_with(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """A problem+json refusal with a stable code and the provider's Danish and English text."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem: dict[str, Any] = response.json()
    assert problem["type"].endswith(f"/{code}")
    return problem


def ask(tenant: Tenant, contract_id: str, body: dict[str, Any]) -> httpx.Response:
    return tenant.client.post(f"/contracts/{contract_id}/change-requests", json=body)


def offered(tenant: Tenant, contract_id: str) -> None:
    wait_for(
        lambda: tenant.client.get(f"/contracts/{contract_id}").status_code == 200,
        what="the contract offered to the provider",
    )


def open_at_authority(cw: httpx.Client, contract_id: str, kind: str) -> dict[str, Any]:
    def find() -> dict[str, Any] | None:
        rows = ok(cw.get(f"/contracts/{contract_id}/change-requests"))
        return next((r for r in rows if r["kind"] == kind and r["status"] == "open"), None)

    found: dict[str, Any] = wait_for(find, what=f"the {kind} request at the authority")
    return found


def answer_deadline(
    cw: httpx.Client, contract_id: str, request_id: str, status: str
) -> dict[str, Any] | None:
    rows = ok(cw.get(f"/contracts/{contract_id}/change-requests"))
    found: dict[str, Any] = next(r for r in rows if r["request_id"] == request_id)
    return found if found["answer_deadline"] == status else None


def answered_at_provider(tenant: Tenant, contract_id: str, request_id: str) -> dict[str, Any]:
    def find() -> dict[str, Any] | None:
        rows = ok(tenant.client.get(f"/contracts/{contract_id}/change-requests"))
        found = next(r for r in rows if r["request_id"] == request_id)
        return found if found["status"] != "open" else None

    result: dict[str, Any] = wait_for(find, what="the caseworker's answer at the provider")
    return result


def noticed(client: httpx.Client, contract_id: str) -> dict[str, Any] | None:
    contract: dict[str, Any] = ok(client.get(f"/contracts/{contract_id}"))
    return contract if contract.get("notice") else None


class CaseworkerBrowser:
    """The caseworker's web UI over plain HTTP: a dev login, pages, forms with CSRF."""

    def __init__(self, stack: Stack, user: str) -> None:
        self.client = httpx.Client(base_url=stack.url("authority"), timeout=15)
        login = {"user_id": user, "role": "caseworker", "csrf_token": self.token("/ui/login")}
        assert self.client.post("/ui/login", data=login).status_code == 303

    def token(self, path: str) -> str:
        found = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(path).text)
        assert found, f"no form on {path}"
        return found[1]

    def page(self, path: str) -> str:
        response = self.client.get(path)
        assert response.status_code == 200, response.text
        return response.text

    def submit(self, page: str, action: str, form: dict[str, str]) -> httpx.Response:
        return self.client.post(action, data=form | {"csrf_token": self.token(page)})


def contract_in_force(stack: Stack, tenant: Tenant, cw: httpx.Client, tl: httpx.Client) -> Any:
    """A decided case whose contract's version 1 both parties signed."""
    life.framework_in_force(cw, tenant)
    case = decided_case(cw, tl)
    order_id = place_order(cw, case, tenant.tenant_id)
    provider_sees_order(tenant, order_id)
    ok(tenant.client.post(f"/orders/{order_id}/accept", json=ACCEPT))
    authority_order_status(cw, order_id, "accepted")
    contract_id = life.individual_contract(cw, order_id)
    life.countersign(tenant, contract_id, 1)
    life.in_force(cw, contract_id, 1)
    return case, contract_id


def test_the_caseworker_grants_an_early_end_on_the_case_page(stack: Stack) -> None:
    tenant = new_tenant(stack, "Familiehuset Ophør")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
        chromium() as browser,
    ):
        # Given a contract in force, and the provider asks to end it early
        case, contract_id = contract_in_force(stack, tenant, cw, tl)
        last_day = str(date.today() + timedelta(days=60))
        early = {"kind": "end_early", "last_day": last_day, "reason": "Familien flytter"}
        request_id = ok(ask(tenant, contract_id, early), 201)["request_id"]

        # When the caseworker opens the case page (Danish, then accessible) and grants it
        page = browser.new_page(bypass_csp=True)  # the axe audit is injected inline
        sign_in(page, stack.url("authority"), "karen", "caseworker")
        page.goto(f"{stack.url('authority')}/ui/cases/{case.case_id}")
        reload_until(page, "#contracts", "Ophør før tid")
        item = page.locator(f"#change-{request_id}")
        expect(item).to_contain_text("Familien flytter")
        expect(item).to_contain_text(f"Sidste dag: {date.fromisoformat(last_day):%d.%m.%Y}")
        expect(item).to_contain_text("Afventer dit svar")
        audited(page, "change-request-open")
        item.get_by_text("Imødekom").first.click()
        item.get_by_role("button", name="Imødekom").click()

        # Then it shows granted, with no new contract version (ending is not an amendment)
        expect(page.locator(f"#change-{request_id}")).to_contain_text("Imødekommet")
        expect(page.locator("body")).to_contain_text("Ændringsanmodning imødekommet")  # timeline
        audited(page, "change-request-granted")
        assert ok(cw.get(f"/contracts/{contract_id}"))["version"] == 1
        answer = answered_at_provider(tenant, contract_id, request_id)
        assert (answer["status"], answer["answer"]["amended_version"]) == ("granted", None)
        # And the early end is notice with the provider's last day, seen by both sides (that
        # it stays in force through that day is test_contract_ending's: on this shared stack
        # an earlier test may have moved the scheduler's clock past the last day)
        for client in (cw, tenant.client):
            contract = wait_for(
                lambda c=client: noticed(c, contract_id), what="the early end as notice"
            )
            assert contract["notice"]["last_day"] == last_day


def test_an_extension_is_granted_as_an_amendment_and_a_change_of_scope_refused(
    stack: Stack,
) -> None:
    tenant = new_tenant(stack, "Familiehuset Forlængelse")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        # Given a contract the authority signed but the provider has not countersigned
        life.framework_in_force(cw, tenant)
        case = decided_case(cw, tl)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        ok(tenant.client.post(f"/orders/{order_id}/accept", json=ACCEPT))
        authority_order_status(cw, order_id, "accepted")
        contract_id = life.individual_contract(cw, order_id)
        offered(tenant, contract_id)

        # When the provider asks to extend it, then it is refused: not in force
        extend = {"kind": "extend", "new_end": NEW_END, "reason": REASON}
        refused_with(ask(tenant, contract_id, extend), 422, "contract_not_in_force")

        # Given version 1 in force on both sides
        life.countersign(tenant, contract_id, 1)
        v1 = life.in_force(cw, contract_id, 1)["versions"][0]

        # When the provider asks for an extension with an end not later, then it is refused
        same_end = ask(tenant, contract_id, extend | {"new_end": str(date.today())})
        refused_with(same_end, 422, "extension_not_later")

        # When it asks for a later end, it is accepted; the same kind again is refused
        request_id = ok(ask(tenant, contract_id, extend), 201)["request_id"]
        twice = refused_with(ask(tenant, contract_id, extend), 409, "change_request_open")
        assert "åben ændringsanmodning" in twice["texts"]["da"]

        # Then the caseworker sees it with the provider's reason and the scheduler's answer
        # deadline (the municipality's 5 working days, 09:00 Copenhagen), and on the case page
        seen = open_at_authority(cw, contract_id, "extend")
        answer_by = at_local(
            DEFAULT_RULES.calendar.add_working_days(to_local_date(datetime.now(UTC)), 5), NINE
        )
        seen = wait_for(
            lambda: answer_deadline(cw, contract_id, request_id, "open"),
            what="the answer deadline at the authority",
        )
        assert datetime.fromisoformat(seen["answer_due_at"]) == answer_by
        assert (seen["request_id"], seen["proposal"]["new_end"], seen["reason"]) == (
            request_id,
            NEW_END,
            REASON,
        )
        on_case = ok(cw.get(f"/cases/{case.case_id}"))["change_requests"]
        assert [r["request_id"] for r in on_case] == [request_id]
        ui = CaseworkerBrowser(stack, "karen")
        case_page = f"/ui/cases/{case.case_id}"
        shown = ui.page(case_page)
        shown_by = answer_by.strftime("%d.%m.%Y %H:%M")
        for text in ("Ændringsanmodninger fra leverandøren", "Forlængelse", REASON, shown_by):
            assert text in shown

        # When the caseworker grants it
        granted = ok(cw.post(f"/contracts/{contract_id}/change-requests/{request_id}/grant"))
        assert granted["amended_version"] == 2

        # Then the answer deadline is met
        wait_for(
            lambda: answer_deadline(cw, contract_id, request_id, "met"),
            what="the answer deadline met",
        )
        # And version 2 is drafted with the new end and the same other terms, signed by
        # the authority, and version 1 stays in force
        contract = ok(cw.get(f"/contracts/{contract_id}"))
        assert (contract["in_force_version"], contract["pending_version"]) == (1, 2)
        assert contract["signatures"]["authority"] == 2
        v2 = contract["versions"][1]
        assert (v2["expected_end"], v2["duration_months"]) == (NEW_END, None)
        unchanged = ("start", "scope", "frequency", "price_per_unit_oere", "goals")
        assert {k: v2[k] for k in unchanged} == {k: v1[k] for k in unchanged}

        # And the provider sees the grant and the new version to countersign
        answer = answered_at_provider(tenant, contract_id, request_id)
        assert (answer["status"], answer["answer"]["amended_version"]) == ("granted", 2)
        # When the provider countersigns version 2, then it is in force with the new end
        life.countersign(tenant, contract_id, 2)
        life.in_force(cw, contract_id, 2)
        at_provider = ok(tenant.client.get(f"/contracts/{contract_id}"))
        assert (at_provider["in_force_version"], at_provider["terms"]["end"]) == (2, NEW_END)

        # When the provider asks for more hours and the caseworker refuses it on the case
        # page with a code (a refusal without a text is refused)
        scope = {"kind": "change_scope", "scope": {"hours": 10, "per": "week"}, "reason": REASON}
        second = ok(ask(tenant, contract_id, scope), 201)["request_id"]
        open_at_authority(cw, contract_id, "change_scope")
        refusal = {
            "reason_code": "goals_not_supported",
            "text": "Målene taler ikke for flere timer",
        }
        ok(cw.post(f"/contracts/{contract_id}/change-requests/{second}/refuse", json=refusal))

        # Then the provider sees the refusal, its code and text; the contract is unchanged
        answer = answered_at_provider(tenant, contract_id, second)
        assert answer["status"] == "refused"
        assert (answer["answer"]["reason_code"], answer["answer"]["text"]) == (
            "goals_not_supported",
            refusal["text"],
        )
        assert ok(cw.get(f"/contracts/{contract_id}"))["version"] == 2
