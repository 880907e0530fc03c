"""Bad input is a 4xx problem, never a 500, and never an event too big to send (issue 18
items 1, 5, 6, 7): lists and texts bounded as the wire carries them, periods and money
bounded, webhook endpoints public and their delivery log coarse."""

from __future__ import annotations

from typing import Any

import pytest

from .contract_tools import contract_for

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"
OFFER = {"measure": "sel_52_3_2", "price_oere": 65_000, "unit": "hour", "places": 3}
MATERIAL = {"offers": [OFFER], "method": "Familiebehandling", "parents_and_network": "Netværk"}


def refused(response: Any, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    return body


async def test_material_is_bounded_as_its_event_carries_it(stack, tenant_a) -> None:
    put = lambda body: stack.http.put("/material", json=body, headers=tenant_a.headers)  # noqa: E731
    # An empty competence used to pass the API and fail the event: a 500
    refused(await put(MATERIAL | {"competences": [""]}))
    # Thousands of long competences would make an event no producer can send
    refused(await put(MATERIAL | {"competences": ["x" * 200] * 5000}))
    refused(await put(MATERIAL | {"competences": ["x" * 201]}))
    refused(await put(MATERIAL | {"offers": [OFFER | {"price_oere": 2**63}]}))
    refused(await put(MATERIAL | {"offers": [OFFER | {"places": 2**40}]}))
    fits = MATERIAL | {"competences": ["x" * 200] * 100}
    assert (await put(fits)).status_code == 200


async def test_the_deviation_report_covers_at_most_a_year(stack, tenant_a) -> None:
    offer = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    path = f"/contracts/{offer.contract_id}/deviation"
    ages = {"start": "0001-01-01", "end": "9999-12-31"}
    refused(await stack.http.get(path, params=ages, headers=tenant_a.headers))
    years = {"start": "2025-01-01", "end": "2027-01-01"}
    assert refused(await stack.http.get(path, params=years, headers=tenant_a.headers))[
        "type"
    ].endswith("/invalid_period")
    year = {"start": "2025-04-01", "end": "2026-03-31"}
    answered = await stack.http.get(path, params=year, headers=tenant_a.headers)
    assert answered.status_code == 200, answered.text
    assert len(answered.json()["weeks"]) <= 54


async def test_money_minutes_and_revisions_are_bounded(stack, tenant_a) -> None:
    offer = await contract_for(stack, tenant_a, await stack.placed(tenant_a))
    h = tenant_a.headers
    line = {"description": "Timer", "units": 1, "unit_price_oere": 2**63}
    claim = {
        "contract_id": str(offer.contract_id),
        "claim_number": "BIG-1",
        "period_start": "2025-04-01",
        "period_end": "2025-04-30",
        "lines": [line],
    }
    refused(await stack.http.post("/claims", json=claim, headers=h))
    refused(await stack.http.post("/claims", json=claim | {"lines": [line] * 101}, headers=h))
    session = {"on": "2025-04-02", "minutes": 10**12}
    sessions = f"/contracts/{offer.contract_id}/sessions"
    refused(await stack.http.post(sessions, json=session, headers=h))
    countersign = f"/contracts/{offer.contract_id}/countersign"
    huge = {"If-Match": '"99999999999999999999"'}
    refused(await stack.http.post(countersign, json={"version": 1}, headers=h | huge), 400)
    body = {"version": 1, "expected_revision": 2**40}
    refused(await stack.http.post(countersign, json=body, headers=h))


async def test_a_nul_character_is_a_client_error(stack, tenant_a) -> None:
    refused(await stack.http.get("/orders", params={"status": "\u0000"}, headers=tenant_a.headers))
    refused(await stack.http.get("/claims", params={"status": "\u0000"}, headers=tenant_a.headers))
    body = MATERIAL | {"method": "Familie\u0000behandling"}
    refused(await stack.http.put("/material", json=body, headers=tenant_a.headers))


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8002/hook",
        "http://10.0.0.7/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::ffff:10.0.0.7]/hook",
        "http://user:secret@hooks.provider.example/hook",
    ],
)
async def test_a_webhook_endpoint_must_be_public(stack, tenant_b, url: str) -> None:
    body = {"url": url, "secret": "s" * 32}
    response = await stack.http.put("/webhooks/endpoint", json=body, headers=tenant_b.headers)
    assert refused(response)["type"].endswith("/invalid_endpoint")


async def test_the_delivery_log_says_what_happened_not_which_status_answered(
    stack, tenant_b
) -> None:
    # Given a webhook to an allowed receiver that refuses connections (port 9)
    body = {"url": "http://127.0.0.1:9/hook", "secret": "s" * 32}
    registered = await stack.http.put("/webhooks/endpoint", json=body, headers=tenant_b.headers)
    assert registered.status_code == 204, registered.text
    await stack.placed(tenant_b)

    async def attempted() -> Any:
        rows = await stack.get("/webhooks/deliveries", tenant_b, ok=True)
        return [r for r in rows if r["attempts"] > 0] or None

    [delivery, *_] = await stack.eventually(attempted)
    # Then the tenant sees a coarse outcome, no status code or transport error
    assert delivery["last_outcome"] == "unreachable"
    assert "last_status_code" not in delivery
    assert "last_error" not in delivery
