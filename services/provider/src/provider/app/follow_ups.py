"""The follow-ups a provider reports before (opfølgning, barnets lov § 95), as the scheduler
announces them, and the ``followup_ref`` a status report must name.

The scheduler keeps one pending follow-up per contract, with its status report due a few
working days before it; both are announced as deadlines of the contract. A follow-up's
deadline id is its ``followup_ref`` (the authority's follow-up carries the same id), so a
report names a follow-up both sides know, never an invented one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from provider.domain import DomainError

FOLLOW_UP, STATUS_REPORT = "follow_up_due", "status_report_due"
UNKNOWN = "unknown_followup_ref"


class FollowUpDeadlines(Protocol):
    async def of_contracts(
        self, tenant_id: UUID, contract_ids: Sequence[UUID]
    ) -> list[dict[str, Any]]:
        """The tenant's follow-up and status-report deadline rows of these contracts."""
        ...


@dataclass(frozen=True)
class FollowUp:
    followup_ref: str
    contract_id: UUID
    due_at: datetime
    status: str  # open, met (held) or cancelled
    report_due_at: datetime | None
    report_status: str | None  # open, met (a report was received) or cancelled


def paired(rows: Iterable[dict[str, Any]]) -> list[FollowUp]:
    """Each follow-up with the status report due before it and after the one before it."""
    by_contract: dict[UUID, list[dict[str, Any]]] = {}
    for row in rows:
        by_contract.setdefault(row["contract_id"], []).append(row)
    found: list[FollowUp] = []
    for contract_id, own in by_contract.items():
        follow_ups = sorted((r for r in own if r["kind"] == FOLLOW_UP), key=_due)
        reports = sorted((r for r in own if r["kind"] == STATUS_REPORT), key=_due)
        after: datetime | None = None
        for f in follow_ups:
            before = [r for r in reports if _due(r) <= _due(f) and _after(r, after)]
            report = before[-1] if before else None
            found.append(
                FollowUp(
                    followup_ref=str(f["deadline_id"]),
                    contract_id=contract_id,
                    due_at=_due(f),
                    status=f["status"],
                    report_due_at=None if report is None else _due(report),
                    report_status=None if report is None else report["status"],
                )
            )
            after = _due(f)
    return sorted(found, key=lambda f: (f.due_at, f.followup_ref))


class FollowUps:
    def __init__(self, deadlines: FollowUpDeadlines) -> None:
        self.deadlines = deadlines

    async def of_contracts(self, tenant_id: UUID, contract_ids: Sequence[UUID]) -> list[FollowUp]:
        return paired(await self.deadlines.of_contracts(tenant_id, contract_ids))

    async def require_known(self, tenant_id: UUID, contract_id: UUID, ref: str) -> None:
        """``unknown_followup_ref`` unless ``ref`` is a follow-up the scheduler announced for
        this tenant's contract."""
        known = {f.followup_ref for f in await self.of_contracts(tenant_id, [contract_id])}
        if ref.strip().lower() not in known:
            raise DomainError(
                UNKNOWN,
                "No follow-up of this contract has that followup_ref; take it from "
                f"GET /contracts/{contract_id}/follow-ups.",
            )


def _after(row: dict[str, Any], moment: datetime | None) -> bool:
    return moment is None or _due(row) > moment


def _due(row: dict[str, Any]) -> datetime:
    moment: datetime = row["due_at"]
    return moment
