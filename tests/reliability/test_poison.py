"""Poison on a consumed topic goes to ``<topic>.dlq`` with its reason; consumers move on."""

from __future__ import annotations

import uuid

import pytest
from samspil_contracts import topics

from tests.e2e.flows import new_tenant
from tests.harness import wait_for
from tests.reliability.checks import PLACED, assert_answered_exactly_once
from tests.reliability.conftest import FaultStack
from tests.reliability.kafka_checks import (
    as_sent,
    header,
    produce_to_every_partition,
    raw_records,
)
from tests.reliability.robot import AutoAcceptor
from tests.reliability.workload import Workload

pytestmark = pytest.mark.integration


def _one_order(stack: FaultStack, name: str, n: int = 4) -> Workload:
    """Place and settle ``n`` orders (keys spread over the partitions)."""
    work = Workload(stack, new_tenant(stack, name))
    work.prepare(n)
    with AutoAcceptor(work.tenant):
        work.place(n)
        work.wait_all_accepted()
    return work


def _variants(record: object) -> dict[str, tuple[bytes, list[tuple[str, bytes]]]]:
    """A genuine OrderPlaced record, spoilt in each way a producer could spoil it."""
    _, value, headers = as_sent(record)

    def swap(name: str, new: bytes | None) -> list[tuple[str, bytes]]:
        kept = [(k, b"" if k == "ce_id" else v) for k, v in headers if k != name]
        kept = [(k, str(uuid.uuid4()).encode() if k == "ce_id" else v) for k, v in kept]
        return kept if new is None else [*kept, (name, new)]

    return {
        "unknown type": (value, swap("ce_type", b"dk.samspil.order.teleported")),
        "newer schema version": (value, swap("ce_schemaversion", b"99")),
        "missing header": (value, swap("ce_time", None)),
        "wrong payload": (b'{"order_id": "not-a-uuid"}', swap("ce_type", PLACED.encode())),
        "no headers at all": (b"garbage", []),
        "wrong content type": (value, swap("content-type", b"text/plain")),
    }


def test_poison_is_dead_lettered_with_its_reason_and_orders_still_flow(
    fault_stack: FaultStack,
) -> None:
    # Given a genuine order record on the orders topic
    first = _one_order(fault_stack, "Poison-before", n=1)
    orders_topic = fault_stack.topic_prefix + topics.AUTHORITY_ORDERS
    genuine = next(
        r
        for r in raw_records(fault_stack.bootstrap, orders_topic)
        if header(r, "ce_subject") == first.order_ids[0]
    )
    # When spoilt copies of it land on every partition of the topic
    sent = {}
    for why, (value, headers) in _variants(genuine).items():
        marker = str(uuid.uuid4()).encode()
        sent[marker] = why
        partitions = produce_to_every_partition(
            fault_stack.bootstrap, orders_topic, value, [*headers, ("x-test-marker", marker)]
        )

    # Then each copy reaches the dead-letter topic with a reason, from every consumer group
    def dead() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for r in raw_records(fault_stack.bootstrap, topics.dlq(orders_topic), seconds=2):
            marker = dict(r.headers).get("x-test-marker")
            if marker in sent:
                found.setdefault(sent[marker], []).append(str(header(r, "x-dlq-reason")))
        # provider and scheduler both consume orders: two dead letters per copy
        return found if all(len(found.get(w, [])) >= 2 * partitions for w in sent.values()) else {}

    reasons = wait_for(dead, timeout=60, what="dead letters of every variant")
    assert all(reason and reason != "None" for rs in reasons.values() for reason in rs)
    assert any("unknown event type" in r for r in reasons["unknown type"])
    assert any("schema version" in r for r in reasons["newer schema version"])
    assert any("ce_time" in r for r in reasons["missing header"])
    # And the consumers are alive and new orders still flow, exactly once
    assert all(p.process and p.process.poll() is None for p in fault_stack.processes.values())
    after = _one_order(fault_stack, "Poison-after")
    assert_answered_exactly_once(after)


def test_an_oversize_record_is_dead_lettered_not_retried_forever(fault_stack: FaultStack) -> None:
    # Given a consumed topic nobody else uses in these tests
    topic = fault_stack.topic_prefix + topics.AUTHORITY_SETTLEMENTS
    marker = str(uuid.uuid4()).encode()
    headers = [("ce_specversion", b"1.0"), ("x-test-marker", marker)]
    # When a 1.5 MiB record arrives gzip-compressed (small on the wire, big when read)
    big = b'{"pad": "' + b"a" * (1536 * 1024) + b'"}'
    produce_to_every_partition(
        fault_stack.bootstrap,
        topic,
        big,
        headers,
        compression_type="gzip",
        max_request_size=4 * 1024 * 1024,
    )

    # Then it is dead-lettered with the size as its reason
    def dead() -> list[str]:
        return [
            str(header(r, "x-dlq-reason"))
            for r in raw_records(fault_stack.bootstrap, topics.dlq(topic), seconds=2)
            if dict(r.headers).get("x-test-marker") == marker
        ]

    reasons = wait_for(dead, timeout=30, what="the oversize record in the dead letters")
    assert any("1 MiB" in r for r in reasons)


def test_invalid_json_is_dead_lettered_not_retried_forever(fault_stack: FaultStack) -> None:
    # Given a consumed topic no other test here uses (the bug blocks its partitions)
    topic = fault_stack.topic_prefix + topics.AUTHORITY_CONTRACTS
    marker = str(uuid.uuid4()).encode()
    headers = [
        ("ce_specversion", b"1.0"),
        ("content-type", b"application/json"),
        ("ce_type", b"dk.samspil.contract.offered"),
        ("x-test-marker", marker),
    ]
    # When its value is not JSON
    produce_to_every_partition(fault_stack.bootstrap, topic, b"\x00\xffnot json", headers)

    # Then it is dead-lettered with a reason
    def dead() -> list[str]:
        return [
            str(header(r, "x-dlq-reason"))
            for r in raw_records(fault_stack.bootstrap, topics.dlq(topic), seconds=2)
            if dict(r.headers).get("x-test-marker") == marker
        ]

    assert wait_for(dead, timeout=30, what="the invalid JSON record in the dead letters")
