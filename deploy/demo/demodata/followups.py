"""Follow-ups (opfølgning, barnets lov § 95), as the scheduler sets them from the contract's
start: the provider reports on one, the caseworker records the outcome.

Only the scheduler's clock moves time, and the seed leaves it alone: a contract that started
months ago has follow-ups that fell due months ago, which the scheduler fires at once. An
outcome is recorded today, so those are held late; a follow-up not yet due that the provider
reports on today is held on time."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from demodata.api import Api, Tenant, wait
from demodata.intake import Case

PROGRESS = ["some_progress", "goal_reached", "no_progress", "some_progress"]


def next_follow_up(api: Api, tenant: Tenant, contract_id: str) -> dict[str, Any]:
    """The contract's open follow-up as its provider sees it, once the scheduler set it."""

    def listed() -> Any:
        rows = api.provider(tenant, "GET", f"/contracts/{contract_id}/follow-ups")
        return next((r for r in rows if r["status"] == "open"), None)

    found: dict[str, Any] = wait(listed, "the follow-up at the provider")
    return found


def report(api: Api, tenant: Tenant, case: Case, contract_id: str, period_end: date) -> str:
    """The provider's status report on the open follow-up; the follow-up's ref."""
    ref = str(next_follow_up(api, tenant, contract_id)["followup_ref"])
    goals = [
        {
            "goal_id": g["goal_id"],
            "progress": PROGRESS[i % len(PROGRESS)],
            "text": "Fremgang i perioden",
        }
        for i, g in enumerate(case.goals)
    ]
    body = {
        "followup_ref": ref,
        "period_start": str(period_end - timedelta(days=90)),
        "period_end": str(period_end),
        "per_goal": goals,
        "narrative": "Barnet kommer i skole de fleste dage; rutinerne holder",
    }
    api.provider(tenant, "POST", f"/contracts/{contract_id}/status-reports", json=body)
    return ref


def reported(api: Api, tenant: Tenant, case: Case, contract_id: str, due: bool) -> str:
    """Reported on: a follow-up already due is reported for its due date, one not due yet
    for today. Returns the follow-up's id, once the report is at the authority."""
    upcoming = next_follow_up(api, tenant, contract_id)
    due_on = date.fromisoformat(upcoming["due_on"])
    followup_id = report(api, tenant, case, contract_id, due_on if due else date.today())
    wait(
        lambda: (api.peek(f"/follow-ups/{followup_id}") or {}).get("report"),
        "the status report at the follow-up",
    )
    return followup_id


def held(api: Api, followup_id: str, outcome: str = "continue") -> None:
    body = {"outcome": outcome, "notes": "Opfølgningsmøde med familie og leverandør"}
    if outcome == "end":
        body["reason"] = "Målene i barnets plan er nået"
    api.cw("POST", f"/follow-ups/{followup_id}/outcome", json=body)
