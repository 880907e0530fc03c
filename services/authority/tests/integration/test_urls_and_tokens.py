"""No CPR number and no reason in a URL (proxies and access logs keep URLs); no development
token issuer in production; a look at the persons outside the case's team is flagged."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from authority.bootstrap import AuthoritySettings, build

from .conftest import Stack
from .flows import open_case

pytestmark = pytest.mark.integration
PERSONAL = {"reason", "cpr", "q", "name"}


async def test_no_operation_takes_a_reason_or_a_cpr_number_in_its_url(stack: Stack) -> None:
    schema = (await stack.client.get("/openapi.json")).json()
    in_urls = {
        (method, path, p["name"])
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for p in operation.get("parameters", [])
        if p["in"] in ("query", "path") and p["name"] in PERSONAL
    }
    assert in_urls == set()


async def test_the_reason_for_reading_is_posted_and_logged(stack: Stack) -> None:
    cw = await stack.token("cw-url", "caseworker")
    case_id = await open_case(stack, cw)
    read = await stack.client.post(
        f"/cases/{case_id}/read", json={"reason": "Meeting with the school"}, headers=cw
    )
    assert read.status_code == 200, read.text
    assert read.json()["case_id"] == case_id
    log = await stack.client.get("/access-log", params={"case_id": case_id}, headers=cw)
    reasons = {(r["what"], r["reason"]) for r in log.json()}
    assert ("case_file", "Meeting with the school") in reasons


def production_settings() -> AuthoritySettings:
    secret = "production-only-secret-0123456789-abcdefghij"
    return AuthoritySettings(
        SAMSPIL_ENV="production",
        database_url="postgresql+asyncpg://u:p@127.0.0.1:1/none",
        jwt_secret=secret,
        transport_master_key="cHJvZHVjdGlvbi10cmFuc3BvcnQta2V5LTAxMjM0NTY3",
        data_master_key="cHJvZHVjdGlvbi1kYXRhLW1hc3Rlci1rZXktMDEyMzQ1Njc",
        auto_migrate=False,
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_username="authority",
        kafka_sasl_password="kafka-password-only-for-this-test-Zq8w2Rt5",
    )


async def test_production_has_no_development_token_issuer() -> None:
    # Given the authority configured for production (not started: no database is needed)
    app = build(production_settings())
    # Then its OpenAPI does not list /dev/token, and the path does not exist
    assert "/dev/token" not in app.openapi()["paths"]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://authority") as client:
        minted = await client.post("/dev/token", json={"user_id": "x", "roles": ["team_leader"]})
    assert minted.status_code in (404, 405)


async def test_a_look_at_the_persons_from_outside_the_team_is_flagged(stack: Stack) -> None:
    leader = await stack.token("tl-north", "team_leader")
    for member, team in (("cw-north", "Nord"), ("cw-north-2", "Nord"), ("cw-south", "Syd")):
        joined = await stack.client.put(
            f"/caseworkers/{member}/team", json={"team": team}, headers=leader
        )
        assert joined.status_code == 204, joined.text
    owner = await stack.token("cw-north", "caseworker")
    case_id = await open_case(stack, owner)
    why = {"reason": "Identity check"}
    for who in ("cw-north-2", "cw-south"):
        headers = await stack.token(who, "caseworker")
        seen = await stack.client.post(f"/cases/{case_id}/reveal", json=why, headers=headers)
        assert seen.status_code == 200, seen.text

    async def log(**params: Any) -> set[str]:
        found = await stack.client.get(
            "/access-log", params={"case_id": case_id, **params}, headers=owner
        )
        return {r["user_id"] for r in found.json() if r["what"] == "cpr"}

    # Then only the look from the other team is flagged
    assert await log(flagged="true") == {"cw-south"}
    assert await log(flagged="false") == {"cw-north-2"}
