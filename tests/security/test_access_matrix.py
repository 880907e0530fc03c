"""Who may call what: every authority endpoint by role, every provider endpoint by tenant key.

The policy is written out here, independently of the code, and every endpoint the running
service publishes in its OpenAPI must have a row: a new endpoint cannot slip in unclassified.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Stack
from tests.e2e.flows import decided_case, new_tenant, ok, place_order, provider_sees_order

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

READ = {"caseworker", "team_leader", "finance"}
CASEWORK = {"caseworker", "team_leader"}
LEADER = {"team_leader"}
FINANCE = {"finance"}
REPORTING = {"reporter", "caseworker", "team_leader"}  # anyone may notify a concern
PUBLIC = {"/healthz", "/readyz", "/metrics", "/dev/token"}

AUTHORITY_POLICY: dict[str, set[str]] = {
    "GET /cases": READ,
    "POST /cases": CASEWORK,
    "POST /cases/search": CASEWORK,  # may reveal who has a case by CPR: case work only
    "GET /cases/{case_id}": READ,
    "POST /cases/{case_id}/read": READ,
    "GET /cases/{case_id}/timeline": READ,
    "POST /cases/{case_id}/reveal": CASEWORK,
    "POST /cases/{case_id}/erasure-request": LEADER,
    "POST /cases/{case_id}/erase": LEADER,
    "POST /cases/{case_id}/caseworker": LEADER,
    "POST /cases/{case_id}/investigation/start": CASEWORK,
    "POST /cases/{case_id}/investigation/conclude": CASEWORK,
    "POST /cases/{case_id}/decisions": CASEWORK,
    "POST /cases/{case_id}/decisions/{decision_id}/approve": LEADER,
    "POST /cases/{case_id}/decisions/{decision_id}/reject": LEADER,
    "POST /cases/{case_id}/decisions/{decision_id}/communicated": CASEWORK,
    "POST /cases/{case_id}/action-plans": CASEWORK,
    "POST /cases/{case_id}/follow-up-cadence": CASEWORK,
    "GET /access-log": CASEWORK,
    "POST /citizens/access-log": LEADER,
    "POST /orders": CASEWORK,
    "GET /orders": READ,
    "GET /orders/{order_id}": READ,
    "PUT /orders/{order_id}": CASEWORK,
    "POST /orders/{order_id}/withdraw": CASEWORK,
    "POST /contracts": CASEWORK,
    "GET /contracts/{contract_id}": READ,
    "POST /contracts/{contract_id}/sign": CASEWORK,
    "POST /contracts/{contract_id}/amend": CASEWORK,
    # the provider's reasons in clear: case work only
    "GET /contracts/{contract_id}/change-requests": CASEWORK,
    "POST /contracts/{contract_id}/change-requests/{request_id}/grant": CASEWORK,
    "POST /contracts/{contract_id}/change-requests/{request_id}/refuse": CASEWORK,
    "GET /cases/{case_id}/follow-ups": READ,
    "GET /follow-ups/{followup_id}": READ,
    "POST /follow-ups/{followup_id}/read": READ,
    "POST /follow-ups/{followup_id}/outcome": CASEWORK,
    "GET /concerns": READ,
    "GET /concerns/{concern_id}": CASEWORK,  # its details in clear: case work only
    "POST /concerns/{concern_id}/read": CASEWORK,
    "POST /concerns/{concern_id}/acknowledge": CASEWORK,
    "GET /claims": READ,
    "POST /claims/{claim_id}/approve": FINANCE,
    "POST /claims/{claim_id}/reject": FINANCE,
    "GET /claims/{claim_id}": READ,
    "POST /claims/{claim_id}/lines": FINANCE,
    "POST /claims/{claim_id}/paid": FINANCE,
    "GET /providers": READ,
    "GET /providers/{provider_id}": READ,
    "POST /standard-contracts": CASEWORK,
    "GET /standard-contracts": READ,
    "GET /standard-contracts/{standard_contract_id}": READ,
    "POST /standard-contracts/{standard_contract_id}/sign": CASEWORK,
    "PUT /caseworkers/{caseworker_id}/team": LEADER,
    "GET /teams": READ,
    "POST /notifications": REPORTING,
    "GET /notifications": CASEWORK,
    "GET /notifications/{notification_id}": CASEWORK,
    "POST /notifications/{notification_id}/read": CASEWORK,
    "POST /notifications/{notification_id}/assessment": CASEWORK,
    "POST /notifications/{notification_id}/case": CASEWORK,
    "POST /notifications/{notification_id}/attach": CASEWORK,
    "POST /notifications/{notification_id}/receipt": CASEWORK,
    "POST /cases/{case_id}/investigation/preliminary-assessment": CASEWORK,
    "POST /cases/{case_id}/notes": CASEWORK,
    "POST /cases/{case_id}/documents": CASEWORK,
    "GET /cases/{case_id}/documents/{document_id}": CASEWORK,
    "POST /cases/{case_id}/documents/{document_id}/read": CASEWORK,
    "POST /cases/{case_id}/decisions/{decision_id}/letters": CASEWORK,
    "POST /cases/{case_id}/documents/{document_id}/share": CASEWORK,
    "POST /contracts/{contract_id}/terminate": CASEWORK,
    "POST /cases/{case_id}/decisions/{decision_id}/coordination/meetings": CASEWORK,
    "POST /cases/{case_id}/decisions/{decision_id}/coordination/contacts": CASEWORK,
    "POST /cases/{case_id}/decisions/{decision_id}/coordination/end": CASEWORK,
}
ROLES = ("caseworker", "team_leader", "finance", "reporter", "none")
BODIES: dict[str, Any] = {
    "accept": {
        "expected_start": str(date.today() + timedelta(days=14)),
        "contact": {"name": "Pia Holm", "email": "pia@a.example"},
    },
    "decline": {"reason": "no_capacity"},
    "reveal": {"reason": "Checking the identity"},
    "team": {"team": "Team Nord"},
    "caseworker": {"caseworker_id": "cw-9"},
}


def _operations(url: str) -> list[tuple[str, str]]:
    spec = httpx.get(f"{url}/openapi.json", timeout=10).json()
    return [
        (m.upper(), path)
        for path, ops in spec["paths"].items()
        for m in ops
        if path not in PUBLIC and not path.startswith(("/ui", "/static"))
    ]


def _call(client: httpx.Client, method: str, path: str, ids: dict[str, str] | None = None) -> int:
    ids = ids or {}
    concrete = re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), str(uuid.uuid4())), path)
    # A valid answer body, so a refusal cannot hide behind body validation (422)
    body = BODIES.get(path.rsplit("/", 1)[-1], {}) if method != "GET" else None
    return client.request(method, concrete, json=body).status_code


def test_every_authority_endpoint_admits_exactly_the_roles_of_the_policy(stack: Stack) -> None:
    # Given the endpoints the authority publishes, each classified by the policy
    operations = _operations(stack.url("authority"))
    unclassified = {f"{m} {p}" for m, p in operations} - set(AUTHORITY_POLICY)
    assert not unclassified, f"endpoints without an access policy: {sorted(unclassified)}"
    refused: list[str] = []
    for method, path in operations:
        allowed = AUTHORITY_POLICY[f"{method} {path}"]
        for role in ROLES:
            # When each role calls it (no token at all for "none")
            if role == "none":
                client = httpx.Client(base_url=stack.url("authority"), timeout=15)
            else:
                client = stack.client("authority", role, user=f"{role}-1")
            with client:
                status = _call(client, method, path)
            # Then: no token 401, a role outside the policy 403, a role inside it gets past
            # the access check (2xx, or 404/409/422 about the random ids and empty body)
            expected = {401} if role == "none" else (set() if role in allowed else {403})
            passed = status in expected if expected else status not in (401, 403) and status < 500
            if not passed:
                refused.append(f"{method} {path} as {role}: {status}")
    assert not refused, "\n".join(refused)


def test_list_endpoints_answer_2xx_to_every_reading_role(stack: Stack) -> None:
    for role in sorted(READ):
        with stack.client("authority", role, user=f"{role}-2") as client:
            for path in ("/cases", "/orders", "/concerns", "/claims", "/providers"):
                assert client.get(path).status_code == 200, (role, path)


def test_a_provider_never_reads_or_acts_on_another_providers_data(stack: Stack) -> None:
    # Given provider A with an order in its inbox, and provider B
    a, b = new_tenant(stack, "Tenant A"), new_tenant(stack, "Tenant B")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        order_id = place_order(cw, decided_case(cw, tl), a.tenant_id)
    provider_sees_order(a, order_id)
    anonymous = httpx.Client(base_url=stack.url("provider"), timeout=15)
    ids = {"order_id": order_id}
    tenant_ops = [
        (m, p) for m, p in _operations(stack.url("provider")) if not p.startswith("/admin")
    ]
    leaks: list[str] = []
    for method, path in tenant_ops:
        # Without a key every tenant endpoint refuses: 401
        if (status := _call(anonymous, method, path, ids)) != 401:
            leaks.append(f"{method} {path} without key: {status}")
        # With B's key, A's order does not exist: 404 (or a body refusal), never 2xx or 5xx
        # (B's sandbox is off: its sandbox routes answer 403 sandbox_not_enabled before any
        # id is looked at, which says nothing of A; sandbox isolation: test_tenant_matrix.py)
        refusals = {403, 404} if path.startswith("/sandbox/") else {404}
        if "{order_id}" in path and (status := _call(b.client, method, path, ids)) not in refusals:
            leaks.append(f"{method} {path} with the other tenant's key: {status}")
    # B's lists never show A's order; A's do
    assert order_id not in str(ok(b.client.get("/orders")))
    assert order_id not in str(ok(b.client.get("/access-log")))
    assert order_id in str(ok(a.client.get("/orders")))
    # and A's order is untouched by B's attempts: A can still accept it
    accepted = a.client.post(f"/orders/{order_id}/accept", json=BODIES["accept"])
    assert accepted.status_code == 200, accepted.text
    assert not leaks, "\n".join(leaks)
