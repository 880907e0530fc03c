"""Barnets lov § 91 deadlines on the real broker and database: a decision with the plan made
sets the plan's deadline (3 months, warned ahead) and announces it for the authority's
deadline list; making the plan closes it as met; a decision without a plan sets none.

One scheduler process serves the module; each test uses its own case ids.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from samspil_contracts import (
    ActionPlanAdopted,
    DeadlineClosed,
    DeadlineOutcome,
    DeadlineScheduled,
    DecisionApproved,
    IntegrationEvent,
    InvestigationStarted,
    PlanKind,
)
from samspil_contracts import topics as t
from samspil_contracts.testing import example_event
from servicekit.auth import DevIssuer
from servicekit.settings import DEV_JWT_SECRET

from tests.harness import ServiceProcess, wait_for
from tests.kafka_tools import produce, read_topic

pytestmark = pytest.mark.integration
CPH = ZoneInfo("Europe/Copenhagen")
OPS = {"Authorization": f"Bearer {DevIssuer(DEV_JWT_SECRET).issue('ops-test', ['ops'])}"}
DECIDED = date(2026, 2, 25)  # 3 months later is Whit Monday 2026: met on Friday 22 May


@pytest.fixture(scope="module")
def scheduler(
    kafka_bootstrap: str, new_database_url: Callable[[str], str]
) -> Iterator[ServiceProcess]:
    env = {
        "DATABASE_URL": new_database_url("scheduler_plan"),
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "KAFKA_TOPIC_PREFIX": f"schp{uuid.uuid4().hex[:8]}.",
        "SAMSPIL_ENV": "test",
        "TOPIC_PARTITIONS": "2",
        "FIRE_INTERVAL_SECONDS": "0.2",
    }
    process = ServiceProcess("scheduler", env).start(timeout=180)
    process.env = env  # type: ignore[attr-defined]
    yield process
    process.stop()


def send(scheduler: ServiceProcess, event: IntegrationEvent) -> None:
    env = scheduler.env  # type: ignore[attr-defined]
    asyncio.run(
        produce(
            env["KAFKA_BOOTSTRAP_SERVERS"],
            env["KAFKA_TOPIC_PREFIX"],
            event,
            occurred_at=datetime.now(UTC),
        )
    )


def kinds(scheduler: ServiceProcess, case_id: uuid.UUID, status: str = "pending") -> set[str]:
    response = httpx.get(
        f"{scheduler.url}/deadlines",
        params={"case_id": str(case_id), "status": status},
        headers=OPS,
        timeout=60,
    )
    response.raise_for_status()
    rows: list[dict[str, Any]] = response.json()
    return {r["kind"] for r in rows}


def announced(scheduler: ServiceProcess, case_id: uuid.UUID) -> list[IntegrationEvent]:
    env = scheduler.env  # type: ignore[attr-defined]
    topic = env["KAFKA_TOPIC_PREFIX"] + t.SCHEDULER_DEADLINES
    records = asyncio.run(read_topic(env["KAFKA_BOOTSTRAP_SERVERS"], topic, quiet_seconds=1.5))
    return [
        e
        for _, e in records
        if isinstance(e, DeadlineScheduled | DeadlineClosed) and e.subject == str(case_id)
    ]


def decision(case_id: uuid.UUID, plan_made: bool, on: date = DECIDED) -> DecisionApproved:
    return example_event(DecisionApproved).model_copy(
        update={
            "case_id": case_id,
            "decision_id": uuid.uuid4(),
            "decided_on": on,
            "plan_made": plan_made,
            "plan_kind": PlanKind.CHILDS_PLAN if plan_made else None,
        }
    )


def test_barnets_lov_91_plan_within_3_months_is_announced_and_closed_when_made(
    scheduler: ServiceProcess,
) -> None:
    case_id = uuid.uuid4()
    # Given a decision whose caseworker recorded "plan made = yes"
    send(scheduler, decision(case_id, plan_made=True))
    # Then the plan's deadline is announced for the authority: due 3 months later on a
    # working day (Whit Monday moves back to Friday), with a warning ahead of it
    plan = wait_for(
        lambda: [e for e in announced(scheduler, case_id) if isinstance(e, DeadlineScheduled)],
        timeout=120,
        what="plan deadline announced",
    )[0]
    assert plan.kind == "action_plan_due"
    assert plan.case_id == case_id
    assert plan.due_at.astimezone(CPH).date() == date(2026, 5, 22)
    assert plan.warn_at is not None
    assert plan.warn_at.astimezone(CPH).date() == date(2026, 5, 8)
    # When the plan is made
    adopted = example_event(ActionPlanAdopted).model_copy(
        update={"case_id": case_id, "action_plan_id": uuid.uuid4()}
    )
    send(scheduler, adopted)
    # Then the deadline is closed as met and announced so, and no longer pending
    closed = wait_for(
        lambda: [e for e in announced(scheduler, case_id) if isinstance(e, DeadlineClosed)],
        timeout=120,
        what="plan deadline closed",
    )
    assert [(c.kind, c.outcome) for c in closed] == [("action_plan_due", DeadlineOutcome.MET)]
    assert closed[0].deadline_id == plan.deadline_id
    assert "action_plan_due" not in kinds(scheduler, case_id)


def test_barnets_lov_91_a_decision_without_a_plan_sets_no_plan_deadline(
    scheduler: ServiceProcess,
) -> None:
    case_id = uuid.uuid4()
    # Given a decision with "plan made = no", then an investigation on the same case (the same
    # partition: once its open limit shows, the decision was consumed before it)
    # (decided today: a plan deadline would still be pending, and listed)
    send(scheduler, decision(case_id, plan_made=False, on=date.today()))
    started = example_event(InvestigationStarted).model_copy(
        update={"case_id": case_id, "started_on": date.today(), "aware_on": date.today()}
    )
    send(scheduler, started)
    found = wait_for(
        lambda: kinds(scheduler, case_id) or None, timeout=120, what="investigation limit"
    )
    # Then only the investigation's limit runs: no plan deadline
    assert found == {"investigation_limit"}
