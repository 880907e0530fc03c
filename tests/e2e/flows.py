"""Steps of the casework, as a caseworker, team leader or provider system would take them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx

from tests.e2e.conftest import Stack
from tests.harness import wait_for

YESTERDAY = date.today() - timedelta(days=1)  # a consent is never dated after the decision

CHILD = {"name": "Emil Hansen", "cpr": "0103151234"}  # invented
MOTHER = {"name": "Mette Hansen", "cpr": "1208851234"}  # invented


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, f"{response.status_code}: {response.text}"
    return response.json() if response.content else None


@dataclass
class Tenant:
    tenant_id: str
    api_key: str
    client: httpx.Client


def new_tenant(stack: Stack, name: str) -> Tenant:
    with stack.client("provider", "ops", user="ops-1") as ops:
        issued = ok(ops.post("/admin/tenants", json={"name": name, "kind": "private"}), 201)
    client = httpx.Client(
        base_url=stack.url("provider"), headers={"X-Api-Key": issued["api_key"]}, timeout=15
    )
    return Tenant(issued["tenant_id"], issued["api_key"], client)


@dataclass
class DecidedCase:
    case_id: str
    decision_id: str
    goals: list[dict[str, Any]]


def decided_case(cw: httpx.Client, tl: httpx.Client, child: dict[str, str] = CHILD) -> DecidedCase:
    """Case opened, investigation concluded, decision approved, action plan adopted."""
    body = {
        "child": child,
        "parents": [MOTHER],
        "custody": {"kind": "mother"},
        "contact_person": "Karen Jensen, socialrådgiver",
    }
    case_id = ok(cw.post("/cases", json=body), 201)["case_id"]
    ok(cw.post(f"/cases/{case_id}/investigation/start"))
    ok(
        cw.post(
            f"/cases/{case_id}/investigation/conclude",
            json={"summary": "Familien har brug for struktur i hverdagen"},
        )
    )
    decision = ok(
        cw.post(
            f"/cases/{case_id}/decisions",
            json={
                "measure": "sel_52_3_2",
                "assessment": "Konkret vurdering: støtte i hjemmet 6 t/uge",
                "reason": "Børnefaglig undersøgelse afsluttet",
                "purpose": "Faste rammer i hjemmet og barnet i skole hver dag",
                "expected_duration_months": 6,
                "consent": {"given_by": ["mother"], "given_on": str(YESTERDAY)},
                "plan_made": True,
            },
        ),
        201,
    )
    ok(tl.post(f"/cases/{case_id}/decisions/{decision['decision_id']}/approve"))
    plan = ok(
        cw.post(
            f"/cases/{case_id}/action-plans",
            json={
                "goals": [
                    {"area": "school", "text": "Emil møder i skole hver dag"},
                    {"area": "family_relations", "text": "Faste rutiner morgen og aften"},
                ],
                "participants": ["child", "mother"],
            },
        ),
        201,
    )
    return DecidedCase(case_id, decision["decision_id"], plan["goals"])


def place_order(cw: httpx.Client, case: DecidedCase, provider_id: str) -> str:
    body = {
        "case_id": case.case_id,
        "decision_id": case.decision_id,
        "provider_id": provider_id,
        "scope": {"hours": 6, "per": "week"},
        "frequency": {"times": 2, "per": "week"},
        "start": str(date.today() + timedelta(days=14)),
        "expected_duration_months": 12,
    }
    return str(ok(cw.post("/orders", json=body), 201)["order_id"])


def provider_sees_order(tenant: Tenant, order_id: str) -> dict[str, Any]:
    def find() -> dict[str, Any] | None:
        rows = ok(tenant.client.get("/orders"))
        items = rows["items"] if isinstance(rows, dict) else rows
        return next((o for o in items if str(o.get("order_id")) == order_id), None)

    found: dict[str, Any] = wait_for(find, timeout=30, what=f"order {order_id} in the inbox")
    return found


def authority_order_status(cw: httpx.Client, order_id: str, status: str) -> dict[str, Any]:
    def check() -> dict[str, Any] | None:
        order: dict[str, Any] = ok(cw.get(f"/orders/{order_id}"))
        return order if order["status"] == status else None

    found: dict[str, Any] = wait_for(check, timeout=30, what=f"order {order_id} {status}")
    return found
