"""What the authority tells the scheduler about a case: whose it is, and which municipality."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import samspil_contracts as wire

from .conftest import Stack
from .flows import open_case


def _about(case_id: str, cls: type[Any]) -> Any:
    def found(records: list[Any]) -> list[Any]:
        return [e for _, _, e in records if isinstance(e, cls) and e.case_id == UUID(case_id)]

    return found


async def test_the_caseworker_and_municipality_go_out_on_opening_and_reassignment(
    stack: Stack,
) -> None:
    # Given a case opened by cw-1
    cw = await stack.token("cw-1", "caseworker")
    tl = await stack.token("tl-1", "team_leader")
    case_id = await open_case(stack, cw)
    # When the team leader hands it to cw-2 and cw-2 starts the investigation
    moved = await stack.client.post(
        f"/cases/{case_id}/caseworker", json={"caseworker_id": "cw-2"}, headers=tl
    )
    assert moved.status_code == 200, moved.text
    started = await stack.client.post(f"/cases/{case_id}/investigation/start", headers=cw)
    assert started.status_code == 200, started.text
    # Then the cases topic says cw-1, then cw-2, both in municipality 101
    assigned = _about(case_id, wire.CaseworkerAssigned)
    investigations = _about(case_id, wire.InvestigationStarted)
    records = await stack.records(
        wire.topics.AUTHORITY_CASES, lambda r: len(assigned(r)) >= 2 and bool(investigations(r))
    )
    assert [(e.caseworker_id, e.municipality) for e in assigned(records)] == [
        ("cw-1", "101"),
        ("cw-2", "101"),
    ]
    # And the investigation's start names the municipality whose rules count its limit
    [investigation] = investigations(records)
    assert investigation.municipality == "101"


async def test_reassignment_is_for_the_team_leader(stack: Stack) -> None:
    cw = await stack.token("cw-1", "caseworker")
    case_id = await open_case(stack, cw)
    refused = await stack.client.post(
        f"/cases/{case_id}/caseworker", json={"caseworker_id": "cw-2"}, headers=cw
    )
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("application/problem+json")
