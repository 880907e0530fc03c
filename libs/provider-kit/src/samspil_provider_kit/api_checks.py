"""Two checks of the provider REST API: the API key opens it, and only the key does."""

from __future__ import annotations

import httpx

from samspil_provider_kit.results import CheckResult

SUITE = "api"


async def orders_with_key(client: httpx.AsyncClient, api_url: str, api_key: str) -> CheckResult:
    name = "GET /orders with the API key (200, JSON list)"
    try:
        response = await client.get(f"{api_url.rstrip('/')}/orders", headers={"X-Api-Key": api_key})
        listed = response.status_code == 200 and isinstance(response.json(), list)
    except (httpx.HTTPError, ValueError) as exc:
        return CheckResult(name, False, type(exc).__name__, suite=SUITE)
    return CheckResult(name, listed, f"answers: {response.status_code}", suite=SUITE)


async def orders_without_key(client: httpx.AsyncClient, api_url: str) -> CheckResult:
    name = "GET /orders without a key refused (401)"
    try:
        response = await client.get(f"{api_url.rstrip('/')}/orders")
    except httpx.HTTPError as exc:
        return CheckResult(name, False, type(exc).__name__, suite=SUITE)
    passed = response.status_code == 401
    return CheckResult(name, passed, f"answers: {response.status_code}", suite=SUITE)
