"""Follow-ups: due from the scheduler, the provider's report, and the three outcomes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire

from .conftest import Stack, eventually
from .flows import Running, countersign, in_force, offer_of, running_measure, sealed_for


async def follow_up_due(stack: Stack, m: Running, deadline_id: UUID | None = None) -> None:
    now = datetime.now(UTC)
    await stack.produce(
        wire.DeadlineReached(
            deadline_id=deadline_id or uuid4(),
            kind=wire.DeadlineKind.FOLLOW_UP_DUE,
            phase=wire.DeadlinePhase.DUE,
            subject=str(m.contract_id),
            case_id=UUID(m.case_id),
            contract_id=m.contract_id,
            due_at=now,
            fired_at=now,
        ),
        producer="/samspil/scheduler",
    )


async def follow_ups(stack: Stack, m: Running) -> list[dict[str, Any]]:
    got = await stack.client.get(f"/cases/{m.case_id}/follow-ups", headers=m.cw)
    assert got.status_code == 200, got.text
    rows: list[dict[str, Any]] = got.json()
    return rows


async def open_follow_up(stack: Stack, m: Running) -> str:
    await follow_up_due(stack, m)
    rows = await eventually(lambda: follow_ups(stack, m))
    assert len(rows) == 1
    assert rows[0]["outcome"] is None
    return str(rows[0]["followup_id"])


async def goal_ids(stack: Stack, m: Running) -> list[str]:
    case = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()
    return [g["goal_id"] for g in case["action_plans"][-1]["goals"]]


async def outcome(stack: Stack, m: Running, followup_id: str, body: dict[str, Any]) -> Any:
    return await stack.client.post(f"/follow-ups/{followup_id}/outcome", json=body, headers=m.cw)


def report_of(m: Running, goal: str, followup_ref: str | None = None) -> wire.StatusReportSubmitted:
    report_id = uuid4()
    return wire.StatusReportSubmitted(
        contract_id=m.contract_id,
        order_id=m.order_id,
        case_id=UUID(m.case_id),
        provider_id=m.provider,
        report_id=report_id,
        period_start=date.today() - timedelta(days=90),
        period_end=date.today(),
        progress=(
            wire.GoalProgress(
                goal_id=UUID(goal), area=wire.GoalArea.SCHOOL, progress=wire.Progress.GOOD_PROGRESS
            ),
        ),
        narrative=sealed_for(m.provider, "Named its follow-up", report_id),
        followup_ref=followup_ref,
    )


async def test_a_report_that_names_its_follow_up_lands_there_before_the_authority_knew_it(
    stack: Stack,
) -> None:
    # Given a contract in force whose first follow-up the scheduler has named, but whose
    # due event has not reached the authority yet
    m = await running_measure(stack)
    goal = (await goal_ids(stack, m))[0]
    scheduler_id = uuid4()

    # When the provider's report naming that follow-up arrives first, then the due event
    await stack.produce(report_of(m, goal, str(scheduler_id)))

    async def reported() -> Any:
        got = await stack.client.get(f"/follow-ups/{scheduler_id}", headers=m.cw)
        return got.json() if got.status_code == 200 and got.json()["report"] else None

    found = await eventually(reported)
    await follow_up_due(stack, m, scheduler_id)

    # Then the authority's follow-up has the scheduler's id, holds the report, and the due
    # event made no second follow-up
    assert found["report"]["goals"] == [{"goal_id": goal, "progress": "good_progress"}]
    rows = await eventually(lambda: follow_ups(stack, m))
    assert [r["followup_id"] for r in rows] == [str(scheduler_id)]


async def test_a_due_follow_up_gets_the_report_and_a_continue_outcome(stack: Stack) -> None:
    m = await running_measure(stack)
    followup_id = await open_follow_up(stack, m)
    goal = (await goal_ids(stack, m))[0]

    # When the provider submits its status report, it is attached per goal.
    report_id = uuid4()
    await stack.produce(
        wire.StatusReportSubmitted(
            contract_id=m.contract_id,
            order_id=m.order_id,
            case_id=UUID(m.case_id),
            provider_id=m.provider,
            report_id=report_id,
            period_start=date.today() - timedelta(days=90),
            period_end=date.today(),
            progress=(
                wire.GoalProgress(
                    goal_id=UUID(goal),
                    area=wire.GoalArea.SCHOOL,
                    progress=wire.Progress.SOME_PROGRESS,
                ),
            ),
            narrative=sealed_for(m.provider, "Goes to school most days", report_id),
        )
    )

    async def reported() -> Any:
        got = (await stack.client.get(f"/follow-ups/{followup_id}", headers=m.cw)).json()
        return got if got["report"] else None

    report = (await eventually(reported))["report"]
    assert report["goals"] == [{"goal_id": goal, "progress": "some_progress"}]
    # A box under the transport key (as sent before the child's key) still opens
    assert report["narrative"] == "Goes to school most days"

    held = await outcome(stack, m, followup_id, {"outcome": "continue", "notes": "On track"})
    assert held.status_code == 200, held.text

    records = await stack.records(
        wire.topics.AUTHORITY_CASES,
        lambda r: any(
            isinstance(e, wire.FollowUpHeld) and e.contract_id == m.contract_id for _, _, e in r
        ),
    )
    event = next(
        e
        for _, _, e in records
        if isinstance(e, wire.FollowUpHeld) and e.contract_id == m.contract_id
    )
    assert event.outcome is wire.FollowUpOutcome.CONTINUE
    assert event.held_on == date.today()
    assert (await follow_ups(stack, m))[0]["outcome"] == "continue"
    assert await in_force(stack, m.contract_id, m.cw)


async def test_adjusting_makes_a_new_version_both_must_sign(stack: Stack) -> None:
    m = await running_measure(stack)
    followup_id = await open_follow_up(stack, m)
    adjusted = await outcome(
        stack,
        m,
        followup_id,
        {
            "outcome": "adjust",
            "notes": "More help with mornings",
            "new_terms": {
                "goals": [{"area": "family_relations", "text": "Calm mornings"}],
                "scope": {"hours": 8, "per": "week"},
                "frequency": {"times": 3, "per": "week"},
            },
        },
    )
    assert adjusted.status_code == 200, adjusted.text

    # Then version 2 is offered, signed by the authority only: pending until countersigned,
    # while version 1 stays in force.
    offer = await offer_of(stack, m.contract_id, 2)
    contract = (await stack.client.get(f"/contracts/{m.contract_id}", headers=m.cw)).json()
    assert contract["version"] == 2
    assert (contract["in_force_version"], contract["pending_version"]) == (1, 2)
    assert contract["signatures"] == {"authority": 2, "provider": 1}
    assert [g["text"] for g in contract["versions"][-1]["goals"]] == ["Calm mornings"]

    await countersign(stack, offer)

    async def v2_in_force() -> bool:
        got = await stack.client.get(f"/contracts/{m.contract_id}", headers=m.cw)
        return bool(got.json()["in_force_version"] == 2)

    assert await eventually(v2_in_force)
    assert await in_force(stack, m.contract_id, m.cw)


async def test_ending_terminates_the_contract_and_closes_the_order(stack: Stack) -> None:
    m = await running_measure(stack)
    other = await running_measure(stack)
    followup_id = await open_follow_up(stack, m)
    body = {"outcome": "end", "notes": "Goals reached", "reason": "Goals reached"}
    ended = await outcome(stack, m, followup_id, body)
    assert ended.status_code == 200, ended.text

    cases = await stack.records(
        wire.topics.AUTHORITY_CASES,
        lambda r: any(
            isinstance(e, wire.MeasureEnded) and e.contract_id == m.contract_id for _, _, e in r
        ),
    )
    measure_ended = next(
        e
        for _, _, e in cases
        if isinstance(e, wire.MeasureEnded) and e.contract_id == m.contract_id
    )
    assert measure_ended.order_id == m.order_id
    assert measure_ended.reason is wire.MeasureEndReason.DECISION
    contracts = await stack.records(
        wire.topics.AUTHORITY_CONTRACTS,
        lambda r: any(
            isinstance(e, wire.ContractTerminated) and e.contract_id == m.contract_id
            for _, _, e in r
        ),
    )
    assert any(
        isinstance(e, wire.ContractTerminated) and e.contract_id == m.contract_id
        for _, _, e in contracts
    )
    order = (await stack.client.get(f"/orders/{m.order_id}", headers=m.cw)).json()
    assert order["status"] == "ended"
    listed = await stack.client.get("/orders", params={"case_id": m.case_id}, headers=m.cw)
    assert [o["status"] for o in listed.json()] == ["ended"]
    assert not await in_force(stack, m.contract_id, m.cw)

    # A late 'due' for the ended contract opens nothing (the next one, after it, does).
    await follow_up_due(stack, m)
    await open_follow_up(stack, other)
    assert len(await follow_ups(stack, m)) == 1
