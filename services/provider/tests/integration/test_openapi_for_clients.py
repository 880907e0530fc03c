"""The provider's OpenAPI document is fit for generating a client, and an API key works
where a generated client puts it (the app on the real broker and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import new_tenant

pytestmark = pytest.mark.integration

PROBLEM = "application/problem+json"
PUBLIC = {"/healthz", "/readyz", "/metrics"}


async def spec_of(client) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    spec: dict[str, Any] = response.json()
    return spec


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, path, op) for path, ops in spec["paths"].items() for m, op in ops.items()]


async def test_operation_ids_are_the_stable_names_of_what_they_do(client) -> None:
    spec = await spec_of(client)

    ids = {f"{m.upper()} {path}": op["operationId"] for m, path, op in operations(spec)}

    assert ids["POST /orders/{order_id}/accept"] == "accept_order"
    assert ids["GET /webhooks/deliveries"] == "list_webhook_deliveries"
    assert ids["POST /contracts/{contract_id}/countersign"] == "countersign_contract"
    assert len(set(ids.values())) == len(ids)
    assert not [i for i in ids.values() if "__" in i or i.endswith(("_get", "_post"))]


async def test_every_list_answer_is_a_typed_array(client) -> None:
    spec = await spec_of(client)
    lists = [
        (path, op["responses"]["200"]["content"]["application/json"]["schema"])
        for m, path, op in operations(spec)
        if m == "get" and path.startswith("/") and path not in PUBLIC
        and op["responses"]["200"].get("content", {}).get("application/json", {})
        .get("schema", {}).get("type") == "array"
    ]  # fmt: skip

    assert {path for path, _ in lists} >= {
        "/orders", "/contracts", "/claims", "/reminders", "/access-log",
        "/webhooks/deliveries", "/contracts/{contract_id}/documents",
    }  # fmt: skip
    for path, schema in lists:
        assert "$ref" in schema["items"], f"{path} lists untyped items"


async def test_every_refusal_is_documented_as_a_problem(client) -> None:
    spec = await spec_of(client)
    assert "Problem" in spec["components"]["schemas"]

    for method, path, op in operations(spec):
        if path in PUBLIC:
            continue
        expected = {"401", "403", "422"}
        expected |= {"404"} if "{" in path else set()
        expected |= {"409"} if method in ("post", "put", "delete") else set()
        responses = op["responses"]
        assert expected <= set(responses), f"{method} {path}: {sorted(responses)}"
        for status in expected:
            assert PROBLEM in responses[status]["content"], f"{method} {path} {status}"


async def test_the_api_key_is_a_declared_security_scheme_on_every_tenant_route(client) -> None:
    spec = await spec_of(client)

    scheme = spec["components"]["securitySchemes"]["ApiKey"]

    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-Api-Key")
    for method, path, op in operations(spec):
        if path in PUBLIC or path.startswith("/admin"):
            continue
        assert {"ApiKey": []} in op.get("security", []), f"{method} {path}"


async def test_an_api_key_is_accepted_as_a_bearer_token(client) -> None:
    # Given a tenant's API key sent the way many generated clients send a token
    tenant = await new_tenant(client, "Bearer Key ApS")
    bearer = {"Authorization": f"Bearer {tenant.headers['X-Api-Key']}"}

    # When it reads its webhook deliveries, then it is the tenant
    response = await client.get("/webhooks/deliveries", headers=bearer)
    assert response.status_code == 200, response.text
    assert response.json() == []


@pytest.mark.parametrize(
    ("token", "says"),
    [("spk_not_a_real_key", "unknown or revoked API key"), ("garbage", "neither an API key")],
)
async def test_a_bad_bearer_token_is_a_clear_401_problem(client, token: str, says: str) -> None:
    response = await client.get("/orders", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["type"].endswith("/unauthenticated")
    assert says in body["detail"]
    assert "segments" not in body["detail"]
