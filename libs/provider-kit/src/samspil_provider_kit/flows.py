"""The business flows, played against the tenant's sandbox (``<api url>/sandbox``).

The sandbox answers the business routes under the same paths as the API, on sandbox
orders and contracts that never reach an authority: a sandbox order is accepted or
declined, its contract countersigned, a status report and a claim submitted. Each step
is one check; a step whose predecessor failed fails as "needs: …".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx

from samspil_provider_kit.results import CheckResult

SUITE = "flows"
Step = Callable[["Sandbox"], Awaitable[str]]


class FlowFailed(Exception):
    """A step got an answer other than the one the API documents."""


@dataclass
class Sandbox:
    client: httpx.AsyncClient
    api_url: str
    api_key: str
    found: dict[str, Any] = field(default_factory=dict)  # ids a later step needs

    async def call(self, method: str, path: str, expect: int, body: object = None) -> Any:
        url = f"{self.api_url.rstrip('/')}/sandbox{path}"
        headers = {"X-Api-Key": self.api_key}
        response = await self.client.request(method, url, json=body, headers=headers)
        if response.status_code != expect:
            raise FlowFailed(f"{method} /sandbox{path}: {response.status_code} {_code(response)}")
        return response.json() if response.content else None


def _code(response: httpx.Response) -> str:
    """The problem's code, and for invalid input the first field named (to fix the client)."""
    try:
        found = response.json()
        errors = found.get("errors") or [{}]
        where = ".".join(map(str, errors[0].get("loc", [])))
        return str(found.get("type", "")).rsplit("/", 1)[-1] + (f" ({where})" if where else "")
    except (ValueError, AttributeError, TypeError):
        return ""


async def trigger_event(sandbox: Sandbox) -> str:
    sent = await sandbox.call("POST", "/events", 202, {"type": "order.placed"})
    if sent["data"].get("sandbox") is not True:
        raise FlowFailed("the triggered event is not flagged sandbox")
    return f"queued {sent['type']} (event {sent['event_id']})"


async def accept(sandbox: Sandbox) -> str:
    order = await sandbox.call("POST", "/orders", 201)
    answer = {
        "expected_start": (date.today() + timedelta(days=7)).isoformat(),
        "contact": {"name": "Conformance", "email": "conformance@example.invalid"},
    }
    await sandbox.call("POST", f"/orders/{order['order_id']}/accept", 200, answer)
    seen = await sandbox.call("GET", f"/orders/{order['order_id']}", 200)
    if seen["status"] != "accepted" or not seen.get("contract_id"):
        raise FlowFailed(f"accepted order: {seen['status']}, contract {seen.get('contract_id')}")
    sandbox.found["contract_id"] = seen["contract_id"]
    return f"order {order['order_id']} accepted; contract offered"


async def decline(sandbox: Sandbox) -> str:
    order = await sandbox.call("POST", "/orders", 201)
    body = {"reason": "no_capacity", "text": "conformance"}
    answered = await sandbox.call("POST", f"/orders/{order['order_id']}/decline", 200, body)
    if answered["status"] != "declined":
        raise FlowFailed(f"declined order shows {answered['status']}")
    return f"order {order['order_id']} declined"


async def countersign(sandbox: Sandbox) -> str:
    contract_id = _needs(sandbox, "contract_id", "accept")
    contract = await sandbox.call("GET", f"/contracts/{contract_id}", 200)
    body = {"version": contract["version"], "terms_sha256": contract["offer"]["terms_sha256"]}
    await sandbox.call("POST", f"/contracts/{contract_id}/countersign", 200, body)
    signed = await sandbox.call("GET", f"/contracts/{contract_id}", 200)
    if not signed["in_force"]:
        raise FlowFailed("the countersigned contract is not in force")
    sandbox.found["in_force"] = contract_id
    return f"contract {contract_id} v{contract['version']} in force"


async def status_report(sandbox: Sandbox) -> str:
    contract_id = _needs(sandbox, "in_force", "countersign")
    [follow_up, *_] = await sandbox.call("GET", f"/contracts/{contract_id}/follow-ups", 200)
    contract = await sandbox.call("GET", f"/contracts/{contract_id}", 200)
    goals = [goal["goal_id"] for goal in contract["offer"]["terms"]["goals"]]
    today = date.today()
    body = {
        "followup_ref": follow_up["followup_ref"],
        "period_start": (today - timedelta(days=30)).isoformat(),
        "period_end": today.isoformat(),
        "narrative": "Conformance check: nothing real happened.",
        "per_goal": [
            {"goal_id": goal, "progress": "some_progress", "text": "Conformance"} for goal in goals
        ],
    }
    made = await sandbox.call("POST", f"/contracts/{contract_id}/status-reports", 201, body)
    return f"report {made['report_id']} for {follow_up['followup_ref']}"


async def claim(sandbox: Sandbox) -> str:
    contract_id = _needs(sandbox, "in_force", "countersign")
    today = date.today()
    body = {
        "contract_id": contract_id,
        "claim_number": f"CONF-{today:%Y%m%d}",
        "period_start": today.replace(day=1).isoformat(),
        "period_end": today.isoformat(),
        "lines": [{"description": "Sessions", "units": 4, "unit_price_oere": 95_000}],
    }
    made = await sandbox.call("POST", "/claims", 201, body)
    decided = await sandbox.call("GET", f"/claims/{made['claim_id']}", 200)
    return f"claim {made['claim_id']} {decided['status']}"


def _needs(sandbox: Sandbox, key: str, step: str) -> Any:
    if key not in sandbox.found:
        raise FlowFailed(f"needs: {step}")
    return sandbox.found[key]


FLOWS: tuple[tuple[str, Step], ...] = (
    ("sandbox event triggered (flagged sandbox)", trigger_event),
    ("flow: accept an order", accept),
    ("flow: decline an order", decline),
    ("flow: countersign the contract", countersign),
    ("flow: submit a status report", status_report),
    ("flow: submit a claim", claim),
)


async def run_flows(client: httpx.AsyncClient, api_url: str, api_key: str) -> list[CheckResult]:
    sandbox, results = Sandbox(client, api_url, api_key), []
    for name, step in FLOWS:
        try:
            detail, passed = await step(sandbox), True
        except FlowFailed as exc:
            detail, passed = str(exc), False
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            detail, passed = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, passed, detail, suite=SUITE))
    return results
