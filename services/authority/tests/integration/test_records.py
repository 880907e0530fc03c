"""The record: erasure by crypto-shredding, rebuilding the read models from the log, the
access log of every reveal, and the case as it stood at a moment."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from authority.adapters.keys import SqlKeyStore
from authority.app.keyring import Keyring
from servicekit.crypto import KeyMissing
from servicekit.settings import DEV_TRANSPORT_MASTER
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack
from .flows import (
    CPR,
    accepted_order,
    framework_in_force,
    open_case,
    running_measure,
    sign_both,
)

VIEWS = ("cases", "orders", "contracts", "followups", "concerns", "claims", "standard_contracts")


async def sql(stack: Stack, statement: str, **params: Any) -> list[Any]:
    engine = create_async_engine(stack.db_url)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(sa.text(statement), params)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


async def rebuild_all(stack: Stack) -> str:
    """``python -m authority rebuild --all``, as an operator runs it."""
    env = {**os.environ, "DATABASE_URL": stack.db_url, "SAMSPIL_ENV": "test"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "authority", "rebuild", "--all",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def get_case(stack: Stack, case_id: str, headers: dict[str, str]) -> dict[str, Any]:
    got = await stack.client.get(f"/cases/{case_id}", headers=headers)
    assert got.status_code == 200, got.text
    case: dict[str, Any] = got.json()
    return case


async def test_rebuilt_read_models_answer_as_before(stack: Stack) -> None:
    m = await running_measure(stack)
    before = await get_case(stack, m.case_id, m.cw)
    listed_before = (await stack.client.get("/cases", headers=m.cw)).json()
    assert len(before["orders"]) == 1
    assert len(before["contracts"]) == 1

    for name in VIEWS:
        await sql(stack, f"delete from view_{name}")  # noqa: S608 - fixed names
    assert (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()["orders"] == []

    out = await rebuild_all(stack)
    assert "rebuilt cases" in out
    assert await get_case(stack, m.case_id, m.cw) == before
    assert (await stack.client.get("/cases", headers=m.cw)).json() == listed_before


async def test_erasure_shreds_the_persons_but_keeps_the_log(stack: Stack) -> None:
    m = await running_measure(stack)
    leader = await stack.token("tl-2", "team_leader")
    stream = f"case-{m.case_id}"
    events_before = await sql(stack, "select count(*) from events where stream_id = :s", s=stream)
    seen = await stack.client.post(
        f"/cases/{m.case_id}/reveal", json={"reason": "Check identity"}, headers=m.cw
    )
    assert seen.json()["child"]["name"] == "Alma Hansen"

    forbidden = await stack.client.post(
        f"/cases/{m.case_id}/erasure-request", json={"reason": "Erasure request"}, headers=m.cw
    )
    assert forbidden.status_code == 403
    alone = await stack.client.post(
        f"/cases/{m.case_id}/erase", json={"reason": "Erasure request"}, headers=leader
    )
    assert alone.json()["type"].endswith("/erasure_not_requested")
    erased = await stack.erase(m.case_id)
    assert erased.status_code == 200, erased.text

    # Then the same process shows placeholders at once, even to a reveal.
    case = await get_case(stack, m.case_id, m.cw)
    assert case["erased"] is True
    assert case["child"] == {"name": "[erased]", "cpr": "******-****"}
    assert len(case["orders"]) == 1  # the measure's history is not personal data
    revealed = await stack.client.post(
        f"/cases/{m.case_id}/reveal", json={"reason": "Look again"}, headers=m.cw
    )
    assert revealed.json()["child"]["name"] == "[erased]"
    assert CPR.replace("-", "") not in revealed.text

    # The log is intact: every event still there, two more saying who asked to erase, who
    # approved it, and why.
    events_after = await sql(stack, "select count(*) from events where stream_id = :s", s=stream)
    assert events_after[0][0] == events_before[0][0] + 2
    timeline = (await stack.client.get(f"/cases/{m.case_id}/timeline", headers=m.cw)).json()
    assert timeline[0]["type"] == "CaseOpened"
    last = [e for e in timeline if e["stream"] == stream][-1]
    assert (last["type"], last["who"], last["why"]) == (
        "ChildDataErased",
        "tl-approves",
        "Erasure request",
    )
    children = "select child_id from case_children where case_id = :c"
    [(child_id,)] = await sql(stack, children, c=m.case_id)
    assert await sql(stack, "select 1 from child_keys where child_id = :c", c=child_id) == []

    # And a rebuild from the log brings no personal data back.
    await rebuild_all(stack)
    [row] = [c for c in (await stack.client.get("/cases", headers=m.cw)).json()
             if c["case_id"] == m.case_id]  # fmt: skip
    assert (row["status"], row["child"]["initials"]) == ("erased", "-")
    assert (await get_case(stack, m.case_id, m.cw))["child"]["name"] == "[erased]"


async def test_every_reveal_is_in_the_access_log_of_that_case(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    other = await stack.token("cw-9", "caseworker")
    case_id, unrelated = await open_case(stack, cw), await open_case(stack, cw)
    no_reason = await stack.client.post(f"/cases/{case_id}/reveal", json={}, headers=cw)
    assert no_reason.status_code == 422
    for who, why in ((cw, "Phone call from mother"), (other, "Letter to custody holder")):
        resp = await stack.client.post(
            f"/cases/{case_id}/reveal", json={"reason": why}, headers=who
        )
        assert resp.status_code == 200, resp.text
    await stack.client.post(f"/cases/{unrelated}/reveal", json={"reason": "x"}, headers=cw)

    log = await stack.client.get("/access-log", params={"case_id": case_id}, headers=cw)
    assert log.status_code == 200
    rows = log.json()
    assert [(r["user_id"], r["role"], r["reason"]) for r in rows] == [
        ("cw-1", "caseworker", "Phone call from mother"),
        ("cw-9", "caseworker", "Letter to custody holder"),
    ]
    assert all(datetime.fromisoformat(r["at"]) <= datetime.now(UTC) for r in rows)


async def test_as_of_covers_the_orders_and_contracts_of_the_case(stack: Stack) -> None:
    provider = uuid4()
    cw = await stack.token("cw-1", "caseworker")
    await framework_in_force(stack, provider, cw)
    case_id, order_id, cw = await accepted_order(stack, provider)
    await asyncio.sleep(0.05)
    moment = datetime.now(UTC)
    await asyncio.sleep(0.05)
    await sign_both(stack, order_id, cw)

    then = (
        await stack.client.get(
            f"/cases/{case_id}", params={"as_of": moment.isoformat()}, headers=cw
        )
    ).json()
    now = await get_case(stack, case_id, cw)
    assert [o["status"] for o in then["orders"]] == ["accepted"]
    assert then["contracts"] == []
    assert len(now["contracts"]) == 1
    assert now["contracts"][0]["authority_signed"] == 1


async def test_another_replica_stops_opening_an_erased_case_within_the_ttl(
    stack: Stack,
) -> None:
    # Given a second process's keyring that has the case key cached.
    now = [0.0]
    engine = create_async_engine(stack.db_url)
    replica = Keyring(
        SqlKeyStore(engine, DEV_TRANSPORT_MASTER), ttl_seconds=30, clock=lambda: now[0]
    )
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    sealed = (await replica.key_for(UUID(case_id))).seal_json({"name": "x"}, "aad")
    erased = await stack.erase(case_id)
    assert erased.status_code == 200, erased.text
    try:
        # Within the TTL it still trusts its cache (the documented limit) ...
        key = await replica.key_for(UUID(case_id))
        assert key.open_json(sealed, "aad") == {"name": "x"}
        # ... after it, it asks the store, finds no key, and the data is unreadable.
        now[0] = 31.0
        key = await replica.key_for(UUID(case_id))
        with pytest.raises(KeyMissing):
            key.open_json(sealed, "aad")
    finally:
        await engine.dispose()
