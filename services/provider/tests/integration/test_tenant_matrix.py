"""Every provider endpoint refuses another tenant, tried with the REAL ids of its objects.

The endpoints come from the app's own OpenAPI document: an endpoint added later is tried
automatically if it names an object in its path, and fails this test until it is classified
if it does not. Tenant B owns an order, an individual and a standard contract, a claim and a
webhook delivery; tenant A tries every endpoint on them and must get 404 ``not_found``.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest
from samspil_contracts import ContractKind, ContractOffered, DocumentShared
from samspil_contracts.testing import GOAL_ID, example_event

pytestmark = pytest.mark.integration
PUBLIC = {"/healthz", "/readyz", "/metrics"}
# Endpoints without an id in the path: the foreign id travels in the body ...
BODY_SCOPED = {"POST /claims", "POST /concerns", "POST /incidents", "POST /sandbox/claims"}
# ... or they read only the caller's own lists (checked for leaks) ...
LISTS = {
    "GET /orders",
    "GET /contracts",
    "GET /claims",
    "GET /reminders",
    "GET /access-log",
    "GET /webhooks/deliveries",
    "GET /webhooks/endpoint",
    "GET /api-keys",
    "GET /sandbox",  # whether the caller's own sandbox is on
}
# ... or they write only the caller's own settings (no other tenant's object to name).
OWN = {
    "PUT /material",
    "PUT /webhooks/endpoint",
    "DELETE /webhooks/endpoint",
    "POST /webhooks/endpoint/activate",
    "POST /webhooks/endpoint/deactivate",
    "POST /webhooks/endpoint/test",
    "POST /webhooks/deliveries/redeliver",
    "POST /api-keys",  # a new key of the caller's own tenant
    "POST /sandbox/events",  # to the caller's own endpoint and topic
    "POST /sandbox/orders",  # a new sandbox order of the caller's own
}
TODAY = "2025-05-01"
PROBLEM = {"type", "title", "status", "detail", "instance"}


def bodies(ids: dict[str, Any]) -> dict[str, Any]:
    """A valid body per operation, so a refusal cannot hide behind validation (422)."""
    contract = str(ids["contract_id"])
    incident = {"contract_id": contract, "details": "x", "happened_at": f"{TODAY}T10:00:00Z"}
    real = _business(contract)
    return (
        real
        | {
            "POST /orders/{order_id}/reveal": {"reason": "preparing the meeting"},
            "POST /contracts/{contract_id}/treatment-plan": {
                "items": [{"goal_id": str(GOAL_ID), "activity": "Talk"}]
            },
            "POST /contracts/{contract_id}/delivery/start": {"on": "2025-04-01"},
            "POST /contracts/{contract_id}/delivery/stop": {"on": "2025-04-02", "reason": "Done"},
            "POST /contracts/{contract_id}/sessions": {"on": TODAY, "minutes": 60},
            "POST /claims/{claim_id}/credit-notes": {"amount_oere": 100, "reason": "r"},
            "POST /contracts/{contract_id}/terminate": {
                "reason_code": "provider_cannot_deliver",
                "notice_days": 30,
            },
            "POST /contracts/{contract_id}/change-requests": {
                "kind": "extend",
                "new_end": "2030-01-01",
                "reason": "More time",
            },
            "POST /concerns": {**incident, "urgency": "high", "noticed_at": f"{TODAY}T10:00:00Z"},
            "POST /incidents": {**incident, "kind": "holding_back"},
        }
        | {name.replace(" /", " /sandbox/", 1): body for name, body in real.items()}
    )


@pytest.fixture(scope="module")
async def b_owns(stack, tenant_a, tenant_b, ops) -> dict[str, Any]:
    """Real objects of tenant B, one of each kind an endpoint can name. Both have their
    sandbox on, so a sandbox route refuses A only for not finding B's object."""
    h = tenant_b.headers
    for tenant in (tenant_a, tenant_b):
        url = f"/admin/tenants/{tenant.tenant_id}/sandbox"
        assert (await stack.http.put(url, json={"enabled": True}, headers=ops)).status_code == 204
    await stack.http.put(
        "/webhooks/endpoint",
        json={"url": "http://127.0.0.1:9/hook", "secret": "s" * 32},
        headers=h,
    )
    order = await stack.placed(tenant_b)  # also queues B's webhook
    answer = {"expected_start": "2025-04-01", "contact": {"name": "C", "email": "c@x.invalid"}}
    await stack.http.post(f"/orders/{order.order_id}/accept", json=answer, headers=h)
    offer = _offer(tenant_b.tenant_id, order)
    standard = example_event(ContractOffered).model_copy(
        update={"contract_id": uuid.uuid4(), "provider_id": tenant_b.tenant_id,
                "kind": ContractKind.STANDARD, "order_id": None, "case_id": None,
                "standard_contract_id": None}
    )  # fmt: skip
    for sent in (offer, standard):
        await stack.kafka.send(sent)
        await stack.eventually(
            lambda s=sent: stack.get(f"/contracts/{s.contract_id}", tenant_b, ok=True)
        )
    await stack.http.post(
        f"/contracts/{offer.contract_id}/countersign", json={"version": 1}, headers=h
    )
    claim = bodies({"contract_id": offer.contract_id})["POST /claims"] | {"claim_number": "B-1"}
    created = await stack.http.post("/claims", json=claim, headers=h)
    assert created.status_code == 201, created.text
    concern = bodies({"contract_id": offer.contract_id})["POST /concerns"]
    noted = await stack.http.post("/concerns", json=concern, headers=h)
    assert noted.status_code == 201, noted.text
    shared = example_event(DocumentShared).model_copy(
        update={"contract_id": offer.contract_id, "provider_id": tenant_b.tenant_id,
                "case_id": order.case_id, "document_id": uuid.uuid4()}
    )  # fmt: skip
    await stack.kafka.send(shared)
    await stack.eventually(
        lambda: stack.get(f"/contracts/{offer.contract_id}/documents", tenant_b, ok=True)
    )
    deliveries = await stack.eventually(
        lambda: stack.get("/webhooks/deliveries", tenant_b, ok=True)
    )
    return {
        "order_id": order.order_id,
        "contract_id": offer.contract_id,
        "standard_contract_id": standard.contract_id,
        "claim_id": uuid.UUID(created.json()["claim_id"]),
        "delivery_id": uuid.UUID(deliveries[0]["id"]),
        "concern_id": uuid.UUID(noted.json()["concern_id"]),
        "document_id": shared.document_id,
        "key_id": tenant_b.key_id,
    }


def _business(contract: str) -> dict[str, Any]:
    """The bodies of the business routes the sandbox answers too."""
    return {
        "POST /orders/{order_id}/accept": {
            "expected_start": "2025-04-01",
            "contact": {"name": "C", "email": "c@example.invalid"},
        },
        "POST /orders/{order_id}/decline": {"reason": "no_capacity"},
        "POST /contracts/{contract_id}/countersign": {"version": 1},
        "POST /contracts/{contract_id}/status-reports": {
            "followup_ref": "F",
            "period_start": "2025-04-01",
            "period_end": "2025-04-30",
            "narrative": "n",
            "per_goal": [{"goal_id": str(GOAL_ID), "progress": "unchanged", "text": "t"}],
        },
        "POST /claims": {
            "contract_id": contract,
            "claim_number": "A-1",
            "period_start": "2025-04-01",
            "period_end": "2025-04-30",
            "lines": [{"description": "h", "units": 1, "unit_price_oere": 50_000}],
        },
    }


async def b_sandbox(stack: Any, tenant_b: Any) -> dict[str, Any]:
    """B's sandbox order, accepted, its contract countersigned, and a claim on it."""
    h = tenant_b.headers
    order = (await stack.http.post("/sandbox/orders", headers=h)).json()
    accept = _business("")["POST /orders/{order_id}/accept"]
    await stack.http.post(f"/sandbox/orders/{order['order_id']}/accept", json=accept, headers=h)
    seen = (await stack.http.get(f"/sandbox/orders/{order['order_id']}", headers=h)).json()
    contract = seen["contract_id"]
    signed = await stack.http.post(
        f"/sandbox/contracts/{contract}/countersign", json={"version": 1}, headers=h
    )
    assert signed.status_code == 200, signed.text
    claim = _business(contract)["POST /claims"] | {"claim_number": "SB-1"}
    made = await stack.http.post("/sandbox/claims", json=claim, headers=h)
    assert made.status_code == 201, made.text
    ids = {"order_id": order["order_id"], "contract_id": contract}
    return ids | {"claim_id": made.json()["claim_id"]}


def _offer(tenant_id: uuid.UUID, order: Any) -> ContractOffered:
    return example_event(ContractOffered).model_copy(
        update={"contract_id": uuid.uuid4(), "provider_id": tenant_id,
                "order_id": order.order_id, "case_id": order.case_id}
    )  # fmt: skip


async def operations(stack) -> list[tuple[str, str, bool]]:
    """(method, path, has a body) of every tenant endpoint the app publishes."""
    spec = (await stack.http.get("/openapi.json")).json()
    return [
        (method.upper(), path, "requestBody" in op)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if path not in PUBLIC and not path.startswith("/admin")
    ]


def concrete(path: str, ids: dict[str, Any]) -> str:
    def real(match: re.Match[str]) -> str:
        assert match.group(1) in ids, f"no real object of B for {{{match.group(1)}}}: add one"
        return str(ids[match.group(1)])

    return re.sub(r"\{(\w+)\}", real, path)


@pytest.mark.parametrize("contract", ["contract_id", "standard_contract_id"])
async def test_every_endpoint_refuses_another_tenants_real_objects(
    stack, tenant_a, tenant_b, b_owns, contract
):
    # Given B's real objects (the individual or the standard contract as "the contract")
    ids = b_owns | {"contract_id": b_owns[contract]}
    every = bodies(ids)
    leaks: list[str] = []
    for method, path, has_body in await operations(stack):
        name = f"{method} {path}"
        scoped = "{" in path or name in BODY_SCOPED
        assert scoped or name in LISTS | OWN, f"unclassified endpoint {name}: classify it"
        assert not has_body or name in every or name in OWN, f"no valid body for {name}"
        if not scoped:
            continue
        # When A calls it on B's object
        url, body = concrete(path, ids), every.get(name)
        response = await stack.http.request(method, url, json=body, headers=tenant_a.headers)
        # Then it is not found: a bare problem, nothing of B's but the id A itself sent
        found = response.json() if response.content else {}
        if response.status_code != 404 or not str(found.get("type", "")).endswith("/not_found"):
            leaks.append(f"{name}: {response.status_code} {response.text[:200]}")
        sent = f"{url} {body}"
        if set(found) - PROBLEM or any(
            str(v) in response.text for v in b_owns.values() if str(v) not in sent
        ):
            leaks.append(f"{name}: says more than not found: {response.text[:200]}")
    assert not leaks, "\n".join(leaks)


async def test_no_list_shows_another_tenants_objects_and_b_still_has_them(
    stack, tenant_a, tenant_b, b_owns
):
    for name in sorted(LISTS):
        path = name.split(" ", 1)[1]
        # When A lists, then none of B's ids appear
        seen = (await stack.get(path, tenant_a)).text
        assert not [k for k, v in b_owns.items() if str(v) in seen], name
    # And B's objects are untouched by A's attempts
    order = (await stack.get(f"/orders/{b_owns['order_id']}", tenant_b)).json()
    assert order["status"] == "accepted"
    contract = (await stack.get(f"/contracts/{b_owns['contract_id']}", tenant_b)).json()
    assert contract["delivery"] is None
    claim = (await stack.get(f"/claims/{b_owns['claim_id']}", tenant_b)).json()
    assert (claim["status"], claim["credited_oere"]) == ("submitted", 0)
    standard = (await stack.get(f"/contracts/{b_owns['standard_contract_id']}", tenant_b)).json()
    assert standard["in_force"] is False


@pytest.fixture(scope="module")
async def b_sandboxed(stack, tenant_b, b_owns) -> dict[str, Any]:
    return await b_sandbox(stack, tenant_b)  # b_owns turned both tenants' sandboxes on


async def test_every_sandbox_endpoint_refuses_another_tenants_sandbox_objects(
    stack, tenant_a, tenant_b, b_sandboxed
):
    # Given B's sandbox order, contract and claim, and A's sandbox on too
    every = bodies(b_sandboxed)
    sandboxed = [op for op in await operations(stack) if op[1].startswith("/sandbox/")]
    leaks: list[str] = []
    for method, path, _ in sandboxed:
        name = f"{method} {path}"
        if "{" not in path and name not in BODY_SCOPED:
            continue
        # When A calls it on B's sandbox object
        url = concrete(path, b_sandboxed)
        response = await stack.http.request(
            method, url, json=every.get(name), headers=tenant_a.headers
        )
        # Then it is not found
        if response.status_code != 404 or not response.json()["type"].endswith("/not_found"):
            leaks.append(f"{name}: {response.status_code} {response.text[:200]}")
    assert len(sandboxed) >= 9
    assert not leaks, "\n".join(leaks)
    # And B's sandbox case is as B left it
    order = await stack.get(f"/sandbox/orders/{b_sandboxed['order_id']}", tenant_b, ok=True)
    assert order["status"] == "accepted"
    contract = await stack.get(
        f"/sandbox/contracts/{b_sandboxed['contract_id']}", tenant_b, ok=True
    )
    assert contract["in_force"] is True
