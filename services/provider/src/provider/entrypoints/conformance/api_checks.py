"""Two checks of the provider REST API: the API key opens it, and only the key does."""

from __future__ import annotations

import httpx

from provider.entrypoints.conformance.scenarios import CheckResult


def _auth(api_key: str) -> dict[str, str]:
    # Bearer is the documented scheme; X-Api-Key is sent too for gateways that expect it.
    return {"Authorization": f"Bearer {api_key}", "X-Api-Key": api_key}


async def orders_with_key(client: httpx.AsyncClient, api_url: str, api_key: str) -> CheckResult:
    name = "GET /orders with the API key (200, JSON list)"
    try:
        response = await client.get(f"{api_url.rstrip('/')}/orders", headers=_auth(api_key))
        listed = response.status_code == 200 and isinstance(response.json(), list)
    except (httpx.HTTPError, ValueError) as exc:
        return CheckResult(name, False, type(exc).__name__)
    return CheckResult(name, listed, f"answers: {response.status_code}")


async def orders_without_key(client: httpx.AsyncClient, api_url: str) -> CheckResult:
    name = "GET /orders without a key refused (401)"
    try:
        response = await client.get(f"{api_url.rstrip('/')}/orders")
    except httpx.HTTPError as exc:
        return CheckResult(name, False, type(exc).__name__)
    return CheckResult(name, response.status_code == 401, f"answers: {response.status_code}")
