"""Steps of the later lifecycle: contracts, delivery, follow-ups driven by the scheduler."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from math import ceil
from typing import Any

import httpx

from tests.e2e.flows import Tenant, ok
from tests.harness import wait_for

CONTACT = {"name": "Karen Jensen", "email": "karen@kommune.example"}
PROVIDER_CONTACT = {"name": "Pia Holm", "email": "pia@familiehuset.example"}
PRICE = 62_500  # øre per hour
NARRATIVE = "Emil kommer i skole de fleste dage"
TERM = "Som aftalt i rammeaftalen"


def standard_contract(cw: httpx.Client, provider_id: str) -> str:
    """The standard contract (standardkontrakt) for support in the home, signed."""
    demands = dict.fromkeys(
        [
            "opening_hours",
            "training",
            "involvement",
            "confidentiality",
            "duty_to_notify",
            "data_storage",
            "use_of_force",
        ],
        TERM,
    )
    body = {
        "provider_id": provider_id,
        "measure": "sel_52_3_2",
        "authority_contact": CONTACT,
        "provider_contact": PROVIDER_CONTACT,
        "general": dict.fromkeys(
            ["ethics", "payment", "disputes_and_breach", "sanctions_and_termination"], TERM
        ),
        "specific": {
            "purpose": "Støtte i hjemmet",
            "demands_on_authority": TERM,
            "demands_on_provider": demands,
            "places": 10,
            "insurance": TERM,
            "follow_up": "Første gang efter 3 måneder, herefter hver 6. måned",
            "price_per_unit_oere": PRICE,
            "unit": "hour",
            "price_regulation": "Nettoprisindeks",
            "start": str(date.today()),
            "duration_months": 24,
        },
    }
    standard_id = str(ok(cw.post("/standard-contracts", json=body), 201)["standard_contract_id"])
    ok(cw.post(f"/standard-contracts/{standard_id}/sign"))
    return standard_id


def framework_in_force(cw: httpx.Client, tenant: Tenant) -> str:
    """The standard contract signed by both: individual contracts are drafted only under one."""
    standard_id = standard_contract(cw, tenant.tenant_id)
    countersign(tenant, standard_id, 1)
    wait_for(
        lambda: ok(cw.get(f"/standard-contracts/{standard_id}"))["in_force"],
        what="the standard contract in force at the authority",
    )
    return standard_id


def individual_contract(cw: httpx.Client, order_id: str) -> str:
    # Starts today: the authority records follow-ups held on its own (real) date while the
    # scheduler's clock runs ahead, so the series must be anchored on today.
    terms = {
        "price_per_unit_oere": PRICE,
        "unit": "hour",
        "authority_contact": CONTACT,
        "provider_contact": PROVIDER_CONTACT,
        "duration_months": 12,
        "start": str(date.today()),
    }
    contract_id = str(
        ok(cw.post("/contracts", json={"order_id": order_id, "terms": terms}), 201)["contract_id"]
    )
    ok(cw.post(f"/contracts/{contract_id}/sign"))
    return contract_id


def countersign(tenant: Tenant, contract_id: str, version: int) -> None:
    def offered() -> Any:
        response = tenant.client.get(f"/contracts/{contract_id}")
        return response.status_code == 200 and response.json()["version"] >= version

    wait_for(offered, what=f"contract v{version} offered to the provider")
    ok(tenant.client.post(f"/contracts/{contract_id}/countersign", json={"version": version}))


def in_force(cw: httpx.Client, contract_id: str, version: int) -> dict[str, Any]:
    def check() -> Any:
        contract = ok(cw.get(f"/contracts/{contract_id}"))
        return contract if contract["in_force_version"] == version else None

    found: dict[str, Any] = wait_for(check, what=f"contract v{version} in force")
    return found


def advance_to_next_follow_up(ops: httpx.Client, contract_id: str, *, first: bool = False) -> None:
    """Move the scheduler's clock to just after the next follow-up falls due.

    The stack is shared and its clock only moves forward: an earlier test may have moved it
    past this contract's ``first`` follow-up, which then fired at once (status done)."""

    def pending() -> Any:
        for status in ("pending", "done") if first else ("pending",):
            params = {"contract_id": contract_id, "status": status}
            rows = ok(ops.get("/deadlines", params=params))
            due = [r for r in rows if r["kind"] == "follow_up_due" and r["phase"] == "due"]
            if due:
                return due
        return None

    due = min(datetime.fromisoformat(r["fire_at"]) for r in wait_for(pending, what="follow-up"))
    now = datetime.fromisoformat(ok(ops.get("/clock"))["now"])
    hours = max(0, ceil((due - now).total_seconds() / 3600)) + 1
    ok(ops.post("/clock/advance", json={"hours": hours}))


def open_follow_up(cw: httpx.Client, case_id: str, contract_id: str) -> dict[str, Any]:
    def due() -> Any:
        rows = ok(cw.get(f"/cases/{case_id}/follow-ups"))
        open_ = [r for r in rows if str(r["contract_id"]) == contract_id and not r["outcome"]]
        return open_[0] if open_ else None

    found: dict[str, Any] = wait_for(due, timeout=40, what="a due follow-up")
    return found


def provider_follow_ups(tenant: Tenant, contract_id: str) -> list[dict[str, Any]]:
    """The contract's follow-ups as its provider lists them, once the scheduler set one."""

    def listed() -> Any:
        rows = ok(tenant.client.get(f"/contracts/{contract_id}/follow-ups"))
        return [r for r in rows if r["status"] == "open"] or None

    found: list[dict[str, Any]] = wait_for(listed, what="the provider's follow-ups")
    return found


def status_report_post(
    tenant: Tenant, contract_id: str, goals: list[dict[str, Any]], ref: str
) -> httpx.Response:
    today = datetime.now(UTC).date()
    return tenant.client.post(
        f"/contracts/{contract_id}/status-reports",
        json={
            "followup_ref": ref,
            "period_start": str(today - timedelta(days=90)),
            "period_end": str(today),
            "narrative": NARRATIVE,
            "per_goal": [
                {"goal_id": g["goal_id"], "progress": "some_progress", "text": "Fremgang"}
                for g in goals
            ],
        },
    )


def status_report(tenant: Tenant, contract_id: str, goals: list[dict[str, Any]], ref: str) -> None:
    ok(status_report_post(tenant, contract_id, goals, ref), 201)


def report_on_next_follow_up(tenant: Tenant, contract_id: str, goals: list[dict[str, Any]]) -> str:
    """The provider reports on the contract's next follow-up, as the scheduler set it; its ref."""
    ref = str(provider_follow_ups(tenant, contract_id)[0]["followup_ref"])
    status_report(tenant, contract_id, goals, ref)
    return ref


def report_attached(cw: httpx.Client, followup_id: str) -> dict[str, Any]:
    def check() -> Any:
        found = ok(cw.get(f"/follow-ups/{followup_id}"))
        return found if found.get("report") else None

    found: dict[str, Any] = wait_for(check, what="the status report at the follow-up")
    return found


def concern(tenant: Tenant, contract_id: str, details: str) -> str:
    """A concern (underretning) from the provider; its id."""
    body = {
        "contract_id": contract_id,
        "urgency": "high",
        "noticed_at": datetime.now(UTC).isoformat(),
        "details": details,
    }
    return str(ok(tenant.client.post("/concerns", json=body), 201)["concern_id"])


def concern_read(cw: httpx.Client, concern_id: str) -> dict[str, Any]:
    """The concern as case work reads it at the authority, once it has arrived."""

    def check() -> Any:
        why = {"reason": "underretning modtaget"}  # POSTed: a reason never goes in a URL
        response = cw.post(f"/concerns/{concern_id}/read", json=why)
        return response.json() if response.status_code == 200 else None

    found: dict[str, Any] = wait_for(check, what="the concern at the authority")
    return found


def deadlines(ops: httpx.Client, contract_id: str, status: str) -> list[dict[str, Any]]:
    params = {"contract_id": contract_id, "status": status}
    rows: list[dict[str, Any]] = ok(ops.get("/deadlines", params=params))
    return rows


def kinds(rows: list[dict[str, Any]]) -> set[str]:
    return {r["kind"] for r in rows}


def both_sides(
    cw: httpx.Client, tenant: Tenant, contract_id: str, check: Callable[[dict[str, Any]], bool]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The contract at the authority and at the provider, once both satisfy ``check``."""

    def seen() -> Any:
        here, there = (c.get(f"/contracts/{contract_id}").json() for c in (cw, tenant.client))
        return (here, there) if check(here) and check(there) else None

    found: tuple[dict[str, Any], dict[str, Any]] = wait_for(seen, what="both sides agree")
    return found
