"""Orders keep flowing, exactly once, through broker restarts, crashes and database restarts.

Each scenario: N orders authority → provider (accepted by a robot) → authority, with a fault
in the middle, and a stream of poison records (1 per 100 orders, before, during and after
the fault) on the topics the services consume; afterwards every order is answered once on
both sides, no event is lost, and every poison record is on its dead-letter topic once per
consumer group.
"""

from __future__ import annotations

import time

import httpx
import pytest
from samspil_contracts import topics

from tests.e2e.flows import new_tenant
from tests.reliability.checks import PLACED, assert_answered_exactly_once
from tests.reliability.conftest import FaultStack, N
from tests.reliability.kafka_checks import (
    as_sent,
    header,
    produce_raw,
    records_to_end,
    wait_consumed,
)
from tests.reliability.poison_stream import PoisonStream
from tests.reliability.robot import AutoAcceptor
from tests.reliability.workload import Workload, retrying

pytestmark = pytest.mark.integration


def _workload(stack: FaultStack, name: str) -> Workload:
    work = Workload(stack, new_tenant(stack, name))
    work.prepare(N)
    return work


def _report(name: str, work: Workload, seconds: float, poison: PoisonStream) -> None:
    figures = assert_answered_exactly_once(work)
    parked = poison.assert_each_dead_lettered_once()
    print(
        f"\n[{name}] N={figures.orders} settled {seconds:.1f}s after the last order; "
        f"duplicate records absorbed: {figures.duplicates_absorbed}; lost 0, doubled 0; "
        f"poison records {parked['poison']}, dead letters {parked['dead_letters']} "
        "(each once per consumer group)"
    )


def test_a_broker_restart_mid_flow_loses_and_doubles_nothing(fault_stack: FaultStack) -> None:
    # Given N approved decisions and a provider robot accepting every order
    work, poison = _workload(fault_stack, "Broker-restart"), PoisonStream(fault_stack)
    with AutoAcceptor(work.tenant):
        # When half the orders are placed, the broker goes down, a quarter more are placed
        # while it is down (they wait in the outbox), and it comes back for the rest
        work.place(N // 2)
        poison.inject_for(N // 2)
        fault_stack.kafka.stop()
        work.place(N // 4)
        time.sleep(2)
        fault_stack.kafka.start()
        poison.inject_for(N // 4)
        work.place(N - len(work.order_ids))
        poison.inject_for(N - N // 2 - N // 4)
        # Then every order is answered exactly once on both sides, every poison parked once
        _report("broker restart", work, work.wait_all_accepted(), poison)


@pytest.mark.parametrize("victim", ["authority", "provider", "scheduler"])
def test_a_service_killed_mid_flow_resumes_without_loss(
    fault_stack: FaultStack, victim: str
) -> None:
    # Given orders in flight, poison among them
    work, poison = _workload(fault_stack, f"Kill-{victim}"), PoisonStream(fault_stack)
    with AutoAcceptor(work.tenant):
        work.place(N // 2)
        poison.inject_for(N // 4)
        # When the service dies by kill -9 (no shutdown hooks), more poison arrives meanwhile,
        # and it is started again
        fault_stack.processes[victim].kill()
        poison.inject_for(N // 4)
        time.sleep(1)
        fault_stack.restart(victim)
        work.place(N - len(work.order_ids))
        poison.inject_for(N - 2 * (N // 4))
        # Then nothing is lost and nothing happens twice, no poison parked twice
        _report(f"kill -9 {victim}", work, work.wait_all_accepted(), poison)


def test_a_database_restart_mid_flow_loses_and_doubles_nothing(fault_stack: FaultStack) -> None:
    work, poison = _workload(fault_stack, "Database-restart"), PoisonStream(fault_stack)
    with AutoAcceptor(work.tenant):
        work.place(N // 2)
        poison.inject_for(N // 4)
        # When PostgreSQL crashes (immediate shutdown: no checkpoint) under load, poison comes
        # while it is down (it cannot be parked then: it waits, never skipped), and it is back
        fault_stack.postgres.kill()
        poison.inject_for(N // 4)
        time.sleep(3)
        fault_stack.postgres.start()
        # The services notice by themselves: their readiness comes back without a restart
        for process in fault_stack.processes.values():
            ready = retrying(lambda p=process: httpx.get(p.url + "/readyz", timeout=5))  # type: ignore[misc]
            assert ready.status_code == 200
        work.place(N - len(work.order_ids))
        poison.inject_for(N - 2 * (N // 4))
        _report("postgres restart", work, work.wait_all_accepted(), poison)


def test_every_order_delivered_twice_has_one_effect(fault_stack: FaultStack) -> None:
    # Given N orders answered once
    work = _workload(fault_stack, "Duplicates")
    with AutoAcceptor(work.tenant) as robot:
        work.place(N)
        work.wait_all_accepted()
        # When every OrderPlaced record is delivered again, same event id (as after a relay
        # crash between send and mark)
        orders_topic = fault_stack.topic_prefix + topics.AUTHORITY_ORDERS
        mine = set(work.order_ids)
        placed = [
            r
            for r in records_to_end(fault_stack.bootstrap, orders_topic)
            if header(r, "ce_type") == PLACED and header(r, "ce_subject") in mine
        ]
        assert len(placed) >= N
        produce_raw(fault_stack.bootstrap, orders_topic, [as_sent(r) for r in placed])
        # and every consumer of the topic (provider, scheduler) has read past them
        groups = [f"{fault_stack.topic_prefix}{s}" for s in ("provider", "scheduler")]
        wait_consumed(fault_stack.bootstrap, orders_topic, groups, timeout=60 + N / 10)
        time.sleep(1)
        # Then no order is received or answered twice
        figures = assert_answered_exactly_once(work)
        assert figures.placed_records >= 2 * N
        assert robot.answers.get("200", 0) == N, robot.answers
        print(f"\n[duplicates] N={N}: {figures.duplicates_absorbed} duplicate records absorbed")
