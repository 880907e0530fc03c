"""The scheduler as a real process on the real broker and database (issue: scheduler proof).

Deadlines start from consumed events and come out as DeadlineReached records; the process is
killed and restarted, and run twice, to show each deadline phase fires exactly once.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from samspil_contracts import (
    ContractInForce,
    DeadlineReached,
    DeadlineScheduled,
    FollowUpHeld,
    OrderChanged,
    OrderPlaced,
)
from samspil_contracts import topics as t
from samspil_contracts.testing import example_event
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.harness import ServiceProcess, wait_for
from tests.kafka_tools import produce, read_topic

pytestmark = pytest.mark.integration
CPH = ZoneInfo("Europe/Copenhagen")
OPS = DevIssuer(DEV_JWT_SECRET).issue("ops-test", ["ops"])


@pytest.fixture
def scheduler_env(kafka_bootstrap: str, new_database_url: Callable[[str], str]) -> dict[str, str]:
    return {
        "DATABASE_URL": new_database_url("scheduler"),
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_TOPIC_PREFIX": f"sch{uuid.uuid4().hex[:8]}.",
        "SAMSPIL_ENV": "test",
        "TOPIC_PARTITIONS": "2",
        "ADJUSTABLE_CLOCK": "true",
        "FIRE_INTERVAL_SECONDS": "0.2",
    }


@pytest.fixture
def scheduler(scheduler_env: dict[str, str]) -> Iterator[ServiceProcess]:
    process = ServiceProcess("scheduler", scheduler_env).start()
    yield process
    process.stop()


def deadlines(process: ServiceProcess, **params: str) -> list[dict[str, object]]:
    response = httpx.get(
        f"{process.url}/deadlines", params=params, headers={"Authorization": f"Bearer {OPS}"}
    )
    response.raise_for_status()
    result: list[dict[str, object]] = response.json()
    return result


def local_due_dates(rows: list[dict[str, object]], kind: str) -> list[date]:
    return sorted(
        {
            datetime.fromisoformat(str(r["due_at"])).astimezone(CPH).date()
            for r in rows
            if r["kind"] == kind
        }
    )


def order(**update: object) -> OrderPlaced:
    ids = {"order_id": uuid.uuid4(), "case_id": uuid.uuid4(), "provider_id": uuid.uuid4()}
    return example_event(OrderPlaced).model_copy(update={**ids, **update})


def test_deadlines_around_easter_fall_on_danish_working_days(
    scheduler: ServiceProcess, scheduler_env: dict[str, str], kafka_bootstrap: str
) -> None:
    # Given an order placed on Tuesday before Easter 2027 and a contract in force from
    # Christmas Day 2026 (3 months later is Maundy Thursday, a public holiday)
    prefix = scheduler_env["KAFKA_TOPIC_PREFIX"]
    placed = order()
    contract = example_event(ContractInForce).model_copy(
        update={"contract_id": uuid.uuid4(), "start": date(2026, 12, 25)}
    )
    # When the scheduler consumes both
    asyncio.run(
        produce(kafka_bootstrap, prefix, placed, occurred_at=datetime(2027, 3, 23, 10, tzinfo=CPH))
    )
    asyncio.run(produce(kafka_bootstrap, prefix, contract, occurred_at=datetime.now(UTC)))
    # Then receipt is due 3 and the answer 5 working days later, skipping Maundy Thursday,
    # Good Friday, the weekend and Easter Monday
    rows = wait_for(lambda: deadlines(scheduler, case_id=str(placed.case_id)), what="order rows")
    assert local_due_dates(rows, "order_receipt_due") == [date(2027, 3, 31)]
    assert local_due_dates(rows, "order_answer_due") == [date(2027, 4, 2)]
    # And the statutory follow-up moves back to the working day before Maundy Thursday
    follow = wait_for(
        lambda: deadlines(scheduler, contract_id=str(contract.contract_id)), what="contract rows"
    )
    assert local_due_dates(follow, "follow_up_due") == [date(2027, 3, 24)]
    assert all(datetime.fromisoformat(str(r["due_at"])).astimezone(CPH).hour == 9 for r in follow)


def test_a_changed_order_gets_a_new_answer_deadline_by_the_working_day_rule(
    scheduler: ServiceProcess, scheduler_env: dict[str, str], kafka_bootstrap: str
) -> None:
    # Given an order placed on Tuesday 23 March 2027 (answer due Friday 2 April)
    prefix = scheduler_env["KAFKA_TOPIC_PREFIX"]
    placed = order()
    at = datetime(2027, 3, 23, 10, tzinfo=CPH)
    asyncio.run(produce(kafka_bootstrap, prefix, placed, occurred_at=at))
    # When the caseworker changes it on Tuesday 6 April 2027
    changed = OrderChanged.model_validate(placed.model_dump() | {"change_reason": "Mere"})
    changed_at = datetime(2027, 4, 6, 11, tzinfo=CPH)
    asyncio.run(produce(kafka_bootstrap, prefix, changed, occurred_at=changed_at))

    # Then the new version's answer is due 5 working days after the change (13 April),
    # announced to the other services, and the first one no longer counts
    def announced() -> list[DeadlineScheduled]:
        records = asyncio.run(read_topic(kafka_bootstrap, prefix + t.SCHEDULER_DEADLINES))
        return [
            e
            for _, e in records
            if isinstance(e, DeadlineScheduled)
            and e.order_id == placed.order_id
            and e.kind.value == "order_answer_due"
        ][1:]

    scheduled = wait_for(announced, timeout=60, what="the moved answer deadline announced")
    assert scheduled[0].due_at == datetime(2027, 4, 13, 9, tzinfo=CPH)
    rows = deadlines(scheduler, case_id=str(placed.case_id))  # the pending ones
    assert local_due_dates(rows, "order_answer_due") == [date(2027, 4, 13)]


def test_a_follow_up_held_late_moves_the_next_one(
    scheduler: ServiceProcess, scheduler_env: dict[str, str], kafka_bootstrap: str
) -> None:
    # Given a contract in force since 1 June 2026 (first follow-up due 1 September 2026)
    prefix = scheduler_env["KAFKA_TOPIC_PREFIX"]
    contract = example_event(ContractInForce).model_copy(
        update={"contract_id": uuid.uuid4(), "start": date(2026, 6, 1)}
    )
    asyncio.run(produce(kafka_bootstrap, prefix, contract, occurred_at=datetime.now(UTC)))
    cid = str(contract.contract_id)
    wait_for(lambda: deadlines(scheduler, contract_id=cid, status="done"), what="first fired")
    # When the follow-up is held late, on 20 November 2026
    held = example_event(FollowUpHeld).model_copy(
        update={"contract_id": contract.contract_id, "held_on": date(2026, 11, 20)}
    )
    asyncio.run(produce(kafka_bootstrap, prefix, held, occurred_at=datetime.now(UTC)))
    # Then the next follow-up is six months after the meeting, not after the old due date
    rows = wait_for(
        lambda: [r for r in deadlines(scheduler, contract_id=cid) if r["kind"] == "follow_up_due"],
        what="next follow-up",
    )
    assert local_due_dates(rows, "follow_up_due") == [date(2027, 5, 20)]


def test_killed_scheduler_fires_each_overdue_deadline_once_after_restart(
    scheduler_env: dict[str, str], kafka_bootstrap: str
) -> None:
    # Given a scheduler that scheduled 10 orders' deadlines and was then killed (kill -9)
    prefix = scheduler_env["KAFKA_TOPIC_PREFIX"]
    first = ServiceProcess("scheduler", scheduler_env).start()
    orders = [order() for _ in range(10)]
    for placed in orders:
        asyncio.run(produce(kafka_bootstrap, prefix, placed, occurred_at=datetime.now(UTC)))
    wait_for(lambda: len(deadlines(first)) >= 10 * 4, what="all deadlines scheduled")
    first.kill()
    # When it comes back 30 days later (every receipt and answer deadline is overdue)
    second = ServiceProcess("scheduler", {**scheduler_env, "CLOCK_OFFSET_DAYS": "30"}).start()
    try:
        topic = prefix + t.SCHEDULER_DEADLINES
        fired = wait_for(
            lambda: _reached(kafka_bootstrap, topic, expect=20), timeout=60, what="catch-up"
        )
    finally:
        second.stop()
    # Then each deadline fired exactly once, in its overdue phase, carrying its original due time
    ids = Counter(env.event_id for env, _ in fired)
    assert len(ids) == 20
    assert max(ids.values()) == 1
    assert {e.phase.value for _, e in fired} == {"overdue"}
    assert all(e.due_at < e.fired_at - timedelta(days=20) for _, e in fired)
    assert {e.order_id for _, e in fired} == {o.order_id for o in orders}


def test_two_instances_never_fire_the_same_deadline_twice(
    scheduler_env: dict[str, str], kafka_bootstrap: str
) -> None:
    # Given two scheduler instances on one database, 30 days ahead (so all is overdue)
    env = {**scheduler_env, "CLOCK_OFFSET_DAYS": "30"}
    instances = [ServiceProcess("scheduler", env).start() for _ in range(2)]
    prefix = scheduler_env["KAFKA_TOPIC_PREFIX"]
    try:
        # When 25 orders arrive
        for _ in range(25):
            asyncio.run(produce(kafka_bootstrap, prefix, order(), occurred_at=datetime.now(UTC)))
        topic = prefix + t.SCHEDULER_DEADLINES
        fired = wait_for(
            lambda: _reached(kafka_bootstrap, topic, expect=50), timeout=60, what="firing"
        )
    finally:
        for process in instances:
            process.stop()
    # Then 50 deadline phases fired (receipt + answer per order), none of them twice
    ids = Counter(env.event_id for env, _ in fired)
    assert len(ids) == 50
    assert max(ids.values()) == 1


def _reached(bootstrap: str, topic: str, expect: int) -> list[tuple[object, DeadlineReached]]:
    records = asyncio.run(read_topic(bootstrap, topic, quiet_seconds=1.5))
    found = [(env, e) for env, e in records if isinstance(e, DeadlineReached)]
    return found if len({env.event_id for env, _ in found}) >= expect else []
