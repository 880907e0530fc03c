"""What a provider writes about the child — a report's narrative, a concern's details — is
read by case work (each reading logged), stays sealed for finance, and reads as erased once
the child is erased, whichever key sealed it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import samspil_contracts as wire
from authority.adapters.keys import SqlKeyStore
from servicekit.crypto import seal
from servicekit.settings import DEV_TRANSPORT_MASTER
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import Stack, eventually
from .flows import Running, running_measure, sealed_for
from .test_followups import goal_ids, open_follow_up

NARRATIVE = "Kommer i skole de fleste dage"  # invented
DETAILS = "Blå mærker på armen"


async def child_sealed(stack: Stack, case_id: str, text: str, aad: UUID) -> wire.Sealed:
    """Sealed as the provider seals now: with the child's own key (from the authority's
    store, where the grant to the provider came from)."""
    engine = create_async_engine(stack.db_url)
    try:
        keys = SqlKeyStore(engine, DEV_TRANSPORT_MASTER)
        child = await keys.child_of(UUID(case_id))
        assert child is not None
        key = await keys.load(child)
        assert key is not None
    finally:
        await engine.dispose()
    box = seal(key, f"child:{child}", text.encode(), str(aad).encode())
    return wire.Sealed.model_validate(box)


def report(m: Running, goal: str, report_id: UUID, narrative: wire.Sealed) -> Any:
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
                goal_id=UUID(goal), area=wire.GoalArea.SCHOOL, progress=wire.Progress.SOME_PROGRESS
            ),
        ),
        narrative=narrative,
    )


def concern(m: Running, concern_id: UUID, details: wire.Sealed) -> Any:
    return wire.ConcernNotified(
        contract_id=m.contract_id,
        order_id=m.order_id,
        case_id=UUID(m.case_id),
        provider_id=m.provider,
        concern_id=concern_id,
        noticed_at=datetime.now(UTC),
        severity=wire.ConcernSeverity.URGENT,
        details=details,
    )


async def test_case_work_reads_the_providers_texts_until_the_child_is_erased(
    stack: Stack,
) -> None:
    # Given a follow-up with a report sealed with the child's key, and a concern sealed with
    # the provider's transport key (as accepted before reports used the child's key)
    m = await running_measure(stack)
    followup_id = await open_follow_up(stack, m)
    goal = (await goal_ids(stack, m))[0]
    report_id, concern_id = uuid4(), uuid4()
    narrative = await child_sealed(stack, m.case_id, NARRATIVE, report_id)
    await stack.produce(report(m, goal, report_id, narrative))
    await stack.produce(concern(m, concern_id, sealed_for(m.provider, DETAILS, concern_id)))
    follow_up = f"/follow-ups/{followup_id}"

    async def both() -> Any:
        got = (await stack.client.get(follow_up, headers=m.cw)).json()
        listed = await stack.client.get("/concerns", params={"case_id": m.case_id}, headers=m.cw)
        return got if got["report"] and listed.json() else None

    # When the caseworker views the follow-up, the concern and the case
    seen = await eventually(both)
    why = {"reason": "preparing the follow-up meeting"}
    read = f"/concerns/{concern_id}/read"  # a reason never goes in a URL
    shown = (await stack.client.post(read, json=why, headers=m.cw)).json()
    case = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()
    # Then the narrative and the details are in clear, everywhere case work reads them
    assert seen["report"]["narrative"] == NARRATIVE
    assert "text" not in seen["report"]
    assert shown["details"] == DETAILS
    assert [f["report"]["narrative"] for f in case["follow_ups"]] == [NARRATIVE]
    assert [c["details"] for c in case["concerns"]] == [DETAILS]
    # And each reading is in the access log: who, what, why
    log = await stack.client.get("/access-log", params={"case_id": m.case_id}, headers=m.cw)
    rows = {(r["user_id"], r["what"], r["reason"]) for r in log.json()}
    assert ("cw-1", "concern_text", why["reason"]) in rows
    assert {"report_text", "concern_text"} <= {what for _, what, _ in rows}
    # And finance sees the follow-up's progress, but not the narrative
    finance = await stack.token("fin-1", "finance")
    sealed = (await stack.client.get(follow_up, headers=finance)).json()["report"]
    assert "narrative" not in sealed
    assert NARRATIVE not in sealed["text"]

    # When a team leader erases the child
    erased = await stack.erase(m.case_id, "Request for erasure")
    assert erased.status_code == 200, erased.text
    # Then the same views show the erased marker (the transport-sealed concern too)
    after = await stack.client.get(follow_up, headers=m.cw)
    assert (after.status_code, after.json()["report"]["narrative"]) == (200, "[erased]")
    gone = await stack.client.get(f"/concerns/{concern_id}", headers=m.cw)
    assert (gone.status_code, gone.json()["details"]) == (200, "[erased]")
    case = (await stack.client.get(f"/cases/{m.case_id}", headers=m.cw)).json()
    assert [f["report"]["narrative"] for f in case["follow_ups"]] == ["[erased]"]
    assert [c["details"] for c in case["concerns"]] == ["[erased]"]
