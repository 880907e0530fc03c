"""Two people edit one aggregate at the same revision: one wins, the other gets 409 + revision."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.e2e.flows import ok
from tests.reliability.conftest import FaultStack

pytestmark = pytest.mark.integration

DECISION = {
    "measure": "sel_52_3_2",
    "assessment": "Konkret vurdering",
    "reason": "Undersøgt",
    "purpose": "Faste rammer i hjemmet",
    "expected_duration_months": 6,
    "consent": {
        "given_by": ["mother", "father"],
        "given_on": str(date.today() - timedelta(days=1)),
    },
    "plan_made": True,
}


def _together(*calls: Any) -> list[httpx.Response]:
    """Start the calls at the same moment (a barrier), return their responses in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results  # type: ignore[return-value]


def test_concurrent_edits_of_one_case_one_wins_and_nothing_is_lost(
    fault_stack: FaultStack,
) -> None:
    with (
        fault_stack.client("authority", "caseworker", user="karen") as karen,
        fault_stack.client("authority", "caseworker", user="bo") as bo,
    ):
        # Given a case both caseworkers have read at the same revision
        body = {
            "child": {"name": "Testbarn", "cpr": "0101150000"},
            "parents": [],
            "custody": {"kind": "joint"},
            "contact_person": "Karen",
        }
        case_id = ok(karen.post("/cases", json=body), 201)["case_id"]
        ok(karen.post(f"/cases/{case_id}/investigation/start"))
        revision = ok(
            karen.post(f"/cases/{case_id}/investigation/conclude", json={"summary": "Afsluttet"})
        )["revision"]
        seen = {"If-Match": f'"{revision}"'}
        # When both propose a decision on that revision at the same moment
        answers = _together(
            lambda: karen.post(f"/cases/{case_id}/decisions", json=DECISION, headers=seen),
            lambda: bo.post(f"/cases/{case_id}/decisions", json=DECISION, headers=seen),
        )
        # Then exactly one wins and the other is told the current revision
        assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
        loser = next(a for a in answers if a.status_code == 409)
        assert loser.headers["content-type"].startswith("application/problem+json")
        assert loser.json()["current_revision"] == revision + 1
        # And the loser, retrying on the current revision, succeeds: no update is lost
        retry = bo.post(
            f"/cases/{case_id}/decisions",
            json=DECISION,
            headers={"If-Match": f'"{loser.json()["current_revision"]}"'},
        )
        assert retry.status_code == 201, retry.text
        timeline = ok(karen.get(f"/cases/{case_id}/timeline"))
        proposed = [e for e in _events(timeline) if "Decision" in str(e.get("type", ""))]
        assert len(proposed) == 2, proposed


def _events(timeline: Any) -> list[dict[str, Any]]:
    return list(
        timeline["items"]
        if isinstance(timeline, dict) and "items" in timeline
        else timeline.get("events", [])
        if isinstance(timeline, dict)
        else timeline
    )
