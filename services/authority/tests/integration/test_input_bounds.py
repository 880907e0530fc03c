"""Bad input is a 4xx problem, never a 500 (issue 18 items 1, 5, 6): texts and lists are
bounded as the wire carries them, money and durations as the contracts can settle them,
revisions and moments as the store can hold them, and NUL characters never reach it."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from .conftest import Stack
from .flows import (
    CONTACT,
    accepted_order,
    decided_case,
    framework_in_force,
    open_case,
    standard_body,
)

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


def refused(response: Any, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    return body


async def started_case(stack: Stack) -> tuple[str, dict[str, str]]:
    cw = await stack.token("cw-bounds", "caseworker")
    case_id = await open_case(stack, cw)
    started = await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    assert started.status_code == 200, started.text
    return case_id, cw


async def test_an_oversized_summary_is_refused_before_it_is_read(stack: Stack) -> None:
    case_id, cw = await started_case(stack)
    conclude = f"/cases/{case_id}/investigation/conclude"
    # A 10 MB summary: the body limit answers before anything parses it
    huge = await stack.client.post(conclude, json={"summary": "x" * 10_000_000}, headers=cw)
    assert refused(huge, 413)["type"].endswith("/payload_too_large")
    # One character over the bound of a summary: a validation problem
    long = await stack.client.post(conclude, json={"summary": "x" * 20_001}, headers=cw)
    refused(long)


async def test_an_action_plan_is_bounded_in_goals_and_goal_text(stack: Stack) -> None:
    case_id, _, cw = await decided_case(stack)
    plans = f"/cases/{case_id}/action-plans"
    many = [{"area": "school", "text": "x" * 4000}] * 257
    refused(
        await stack.client.post(plans, json={"goals": many, "participants": ["child"]}, headers=cw)
    )
    wordy = [{"area": "school", "text": "x" * 4001}]
    refused(
        await stack.client.post(plans, json={"goals": wordy, "participants": ["child"]}, headers=cw)
    )
    fits = [{"area": "school", "text": "x" * 4000}] * 30
    assert (
        await stack.client.post(plans, json={"goals": fits, "participants": ["child"]}, headers=cw)
    ).status_code == 201


async def test_a_nul_character_in_text_is_a_client_error(stack: Stack) -> None:
    cw = await stack.token("cw-bounds", "caseworker")
    body = {
        "child": {"name": "Alma Hansen", "cpr": "120315-4321"},
        "custody": {"kind": "mother"},
        "contact_person": "Karen\u0000",
    }
    refused(await stack.client.post("/cases", json=body, headers=cw))
    refused(await stack.client.get("/claims", params={"status": "a\u0000"}, headers=cw))
    leader = await stack.token("tl-bounds", "team_leader")
    refused(await stack.client.put("/caseworkers/a%00b/team", json={"team": "x"}, headers=leader))


@pytest.mark.parametrize(
    "if_match", ['"²"'.encode("latin-1"), b'"99999999999999999999"', b'"2147483648"']
)
async def test_an_if_match_that_no_revision_can_be_is_400(stack: Stack, if_match: bytes) -> None:
    cw = await stack.token("cw-bounds", "caseworker")
    case_id = await open_case(stack, cw)
    start = f"/cases/{case_id}/investigation/start"
    response = await stack.client.post(start, headers=cw | {"If-Match": if_match})  # type: ignore[operator]
    assert refused(response, 400)["type"].endswith("/invalid_if_match")


async def test_an_expected_revision_beyond_32_bits_is_refused(stack: Stack) -> None:
    cw = await stack.token("cw-bounds", "caseworker")
    case_id = await open_case(stack, cw)
    start = f"/cases/{case_id}/investigation/start"
    refused(await stack.client.post(start, json={"expected_revision": 2**31}, headers=cw))
    refused(await stack.client.post(start, json={"expected_revision": 2**63}, headers=cw))


@pytest.mark.parametrize(
    "as_of", ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "1900-01-01T00:00:00Z"]
)
async def test_a_moment_no_calendar_holds_is_refused(stack: Stack, as_of: str) -> None:
    cw = await stack.token("cw-bounds", "caseworker")
    case_id = await open_case(stack, cw)
    refused(await stack.client.get(f"/cases/{case_id}", params={"as_of": as_of}, headers=cw))


async def test_money_and_durations_are_bounded_so_what_is_accepted_can_be_signed(
    stack: Stack,
) -> None:
    cw = await stack.token("cw-bounds", "caseworker")
    provider = uuid4()

    def standard(**specific: Any) -> dict[str, Any]:
        body = standard_body(provider)
        body["specific"] |= specific
        return body

    for bad in (
        {"price_per_unit_oere": 2**63},
        {"price_per_unit_oere": 10**8 + 1},
        {"duration_months": 10**7},
        {"start": "9999-12-31"},
        {"payment_terms_days": 10**6},
    ):
        response = await stack.client.post("/standard-contracts", json=standard(**bad), headers=cw)
        refused(response)
    # The largest accepted values still make a contract that can be signed (no 500 then)
    edge = standard(price_per_unit_oere=10**8, duration_months=240, start="2199-12-31")
    drafted = await stack.client.post("/standard-contracts", json=edge, headers=cw)
    assert drafted.status_code == 201, drafted.text
    key = drafted.json()["standard_contract_id"]
    signed = await stack.client.post(f"/standard-contracts/{key}/sign", headers=cw)
    assert signed.status_code == 200, signed.text


async def test_a_contract_runs_as_many_months_as_the_wire_carries(stack: Stack) -> None:
    # Given an accepted order under a signed standard contract
    provider = uuid4()
    cw = await stack.token("cw-1", "caseworker")
    await framework_in_force(stack, provider, cw)
    _, order_id, cw = await accepted_order(stack, provider)
    terms = {
        "price_per_unit_oere": 50_000,
        "unit": "hour",
        "authority_contact": CONTACT,
        "provider_contact": CONTACT,
    }
    body = {"order_id": str(order_id), "terms": terms}
    # When the contract would run ten million months, or pay in a million days, it is refused
    # (it used to be drafted and then fail with a 500 when signed)
    for bad in ({"duration_months": 10**7}, {"payment_terms_days": 10**6}):
        body["terms"] = terms | bad
        refused(await stack.client.post("/contracts", json=body, headers=cw))
    # And the longest it may run is drafted and signed
    body["terms"] = terms | {"duration_months": 240}
    drafted = await stack.client.post("/contracts", json=body, headers=cw)
    assert drafted.status_code == 201, drafted.text
    contract_id = drafted.json()["contract_id"]
    signed = await stack.client.post(f"/contracts/{contract_id}/sign", headers=cw)
    assert signed.status_code == 200, signed.text
