"""Crypto-shredding end to end: after a child is erased, the provider shows the erased
marker, no CPR number is in clear anywhere, and nothing that remains — both databases, the
key topic after compaction, with every service secret — opens the old ciphertexts in Kafka.
What the provider wrote about the child (a report's narrative, a concern's details) is
erased with it on both sides, and the authority's projections rebuild without it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Any

import pytest
from devstack._proc import run_sync
from samspil_contracts import OrderPlaced, decode, grant_key, topics

from tests.e2e import lifecycle as life
from tests.e2e.conftest import Stack
from tests.e2e.flows import MOTHER, decided_case, new_tenant, ok, place_order, provider_sees_order
from tests.harness import wait_for
from tests.security import erasure_tools as tools
from tests.security.test_personal_data_scan import leaks_in_run

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

CHILD = {"name": "Ingrid Skovgaard", "cpr": "2707164321"}  # invented, this test's own
DETAILS = "Ingrid fortalte om uro i hjemmet"  # invented
ERASED = {"erased": True, "name": "[erased]", "cpr": "[erased]"}


def test_an_erased_child_cannot_be_read_from_anything_that_remains(stack: Stack) -> None:
    bootstrap = stack.processes["authority"].env["KAFKA_BOOTSTRAP_SERVERS"]
    key_topic = stack.topic_prefix + tools.KEY_TOPIC
    run_sync(lambda: tools.compact_promptly(bootstrap, key_topic))
    db = {name: p.env["DATABASE_URL"] for name, p in stack.processes.items()}
    # Given a child's order accepted by a provider, which can open the child's data
    tenant = new_tenant(stack, "Sletteprøven")
    with (
        stack.client("authority", "caseworker", user="karen") as cw,
        stack.client("authority", "team_leader", user="lars") as tl,
    ):
        case = decided_case(cw, tl, CHILD)
        order_id = place_order(cw, case, tenant.tenant_id)
        provider_sees_order(tenant, order_id)
        path, why = f"/orders/{order_id}", {"reason": "first meeting"}
        wait_for(lambda: tenant.client.post(f"{path}/reveal", json=why).is_success, what="key")
        ok(tenant.client.post(f"{path}/accept", json=_acceptance()))
        boxes = _child_boxes(bootstrap, stack.topic_prefix, order_id)
        assert boxes, "the order is not on the orders topic?"
        assert all(tools.opens(b, order_id, _remaining(bootstrap, key_topic, db)) for b in boxes)
        # And a contract on which the provider reported on the child and notified a concern,
        # both read in clear by the caseworker
        contract_id = _contract_in_force(cw, tenant, order_id)
        life.report_on_next_follow_up(tenant, contract_id, case.goals)
        followup = (
            f"/follow-ups/{life.open_follow_up(cw, case.case_id, contract_id)['followup_id']}"
        )
        assert life.report_attached(cw, followup.rsplit("/", 1)[1])["report"]["narrative"] == (
            life.NARRATIVE
        )
        concern_id = life.concern(tenant, contract_id, DETAILS)
        assert life.concern_read(cw, concern_id)["details"] == DETAILS
        assert ok(tenant.client.get(f"/concerns/{concern_id}"))["details"] == DETAILS
        # When a team leader asks to erase the child and another approves (four eyes)
        erasure = {"reason": "Request for erasure"}
        ok(tl.post(f"/cases/{case.case_id}/erasure-request", json=erasure))
        with stack.client("authority", "team_leader", user="lise") as second:
            ok(second.post(f"/cases/{case.case_id}/erase", json=erasure))
        # Then the narrative and the concern read as erased at the authority, also after
        # its projections are rebuilt from the log; no view fails
        _rebuild(stack, "followups", "concerns")
        assert ok(cw.get(followup))["report"]["narrative"] == "[erased]"
        assert ok(cw.get(f"/concerns/{concern_id}"))["details"] == "[erased]"
        shown = ok(cw.get(f"/cases/{case.case_id}"))
        assert [c["details"] for c in shown["concerns"]] == ["[erased]"]
        listed = ok(cw.get("/concerns", params={"case_id": case.case_id}))
        assert [r["concern_id"] for r in listed] == [concern_id]
        assert DETAILS not in str(listed)
    # And at the provider too; nothing new is written about the child
    concern_path = f"/concerns/{concern_id}"
    wait_for(lambda: ok(tenant.client.get(concern_path))["details"] == "[erased]", what="erased")
    refused = tenant.client.post("/concerns", json=_concern(contract_id))
    assert (refused.status_code, refused.json()["type"].rsplit("/", 1)[1]) == (422, "child_erased")
    # Then the provider shows the order with the child as erased, and no longer holds a key
    wait_for(lambda: ok(tenant.client.get(path))["child"] == ERASED, what="erased at provider")
    assert ok(tenant.client.post(f"{path}/reveal", json=why))["child"] == ERASED
    assert run_sync(lambda: tools.provider_keys(db["provider"], tenant.tenant_id)) == []
    # And compaction drops the wrapped key from the key topic (the tombstone stays a while)
    grant = grant_key(tenant.tenant_id, _child_of(boxes[0])).encode()
    partition = wait_for(lambda: _tombstoned(bootstrap, key_topic, grant), what="tombstone")
    time.sleep(0.3)  # past segment.ms, so the next record rolls the segment
    run_sync(lambda: tools.roll_segment(bootstrap, key_topic, partition - 1))
    wait_for(lambda: _only_tombstone(bootstrap, key_topic, grant), timeout=120, what="compaction")
    # And the provider skipped the tombstones (no dead letters on the key topic)
    assert run_sync(lambda: tools.raw_records(bootstrap, topics.dlq(key_topic))) == []
    # And nothing that remains opens the ciphertexts of the child still in the orders topic
    remaining = _remaining(bootstrap, key_topic, db)
    assert not any(tools.opens(b, order_id, remaining) for b in boxes)
    # And no CPR number or name is in clear on any topic, log or database dump of the run
    leaks = leaks_in_run(
        stack, [CHILD["cpr"], MOTHER["cpr"]], [CHILD["name"], DETAILS, life.NARRATIVE]
    )
    assert not leaks, "\n".join(leaks)


def _acceptance() -> dict[str, object]:
    return {
        "expected_start": str(date.today() + timedelta(days=14)),
        "contact": {"name": "Pia Holm", "email": "pia@slet.example"},
    }


def _contract_in_force(cw: Any, tenant: Any, order_id: str) -> str:
    life.framework_in_force(cw, tenant)
    contract_id = life.individual_contract(cw, order_id)
    life.countersign(tenant, contract_id, 1)
    life.in_force(cw, contract_id, 1)
    return contract_id


def _concern(contract_id: str) -> dict[str, str]:
    return {
        "contract_id": contract_id,
        "urgency": "high",
        "noticed_at": f"{date.today()}T10:00:00Z",
        "details": "Efter sletningen",
    }


def _rebuild(stack: Stack, *names: str) -> None:
    """``python -m authority rebuild`` with the running service's settings."""
    env = {**os.environ, **stack.processes["authority"].env}
    command = [sys.executable, "-m", "authority", "rebuild", *names]
    subprocess.run(command, env=env, check=True, capture_output=True)


def _child_boxes(bootstrap: str, prefix: str, order_id: str) -> list[dict[str, str]]:
    records = run_sync(lambda: tools.raw_records(bootstrap, prefix + topics.AUTHORITY_ORDERS))
    boxes = []
    for r in records:
        _, event = decode(tuple(r.headers or ()), r.value)
        if isinstance(event, OrderPlaced) and str(event.order_id) == order_id:
            boxes.append(event.child.model_dump())
    return boxes


def _child_of(box: dict[str, str]) -> str:
    return box["kid"].removeprefix("child:")


def _records(bootstrap: str, topic: str, key: bytes) -> list[Any]:
    return [r for r in run_sync(lambda: tools.raw_records(bootstrap, topic)) if r.key == key]


def _values(bootstrap: str, topic: str, key: bytes) -> list[bytes | None]:
    return [r.value for r in _records(bootstrap, topic, key)]


def _tombstoned(bootstrap: str, topic: str, key: bytes) -> int:
    """The grant's partition + 1 once its last record is a tombstone (0 until then)."""
    found = _records(bootstrap, topic, key)
    return found[-1].partition + 1 if found and found[-1].value is None else 0


def _only_tombstone(bootstrap: str, topic: str, key: bytes) -> bool:
    return _values(bootstrap, topic, key) == [None]


def _remaining(bootstrap: str, key_topic: str, db: dict[str, str]) -> list[bytes]:
    records = run_sync(lambda: tools.raw_records(bootstrap, key_topic))
    return [
        *run_sync(lambda: tools.authority_keys(db["authority"])),
        *run_sync(lambda: tools.provider_keys(db["provider"])),
        *tools.topic_keys(records),
    ]
