"""The authority's settlement of a claim: each line's outcome, and the payment."""

from __future__ import annotations

from typing import Any

from eventkit import UnitOfWork
from samspil_contracts import ClaimApproved, ClaimPaid, ClaimRejected, Envelope, LineOutcome

from provider.app import aggregates as agg
from provider.app.inbound_base import Handling
from provider.app.recording import system
from provider.domain import claim


def outcomes(lines: tuple[LineOutcome, ...]) -> tuple[claim.LineOutcome, ...]:
    return tuple(
        claim.LineOutcome(
            x.line, x.approved, None if x.reason_code is None else x.reason_code.value, x.text
        )
        for x in lines
    )


def coded(lines: tuple[LineOutcome, ...]) -> list[dict[str, Any]]:
    """Each line's outcome for the webhook: numbers and codes, never the free text."""
    return [
        {
            "line": x.line,
            "outcome": "approved" if x.approved else "rejected",
            "reason_code": None if x.reason_code is None else x.reason_code.value,
        }
        for x in lines
    ]


class ClaimInbound(Handling):
    async def claim_decided(
        self, uow: UnitOfWork, env: Envelope, e: ClaimApproved | ClaimRejected
    ) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command: claim.ClaimCommand
        data: dict[str, Any] = {"claim_id": str(e.claim_id), "lines": coded(e.lines)}
        if isinstance(e, ClaimApproved):
            command = claim.RecordClaimApproved(
                **acting.stamp,
                claim_id=e.claim_id,
                outcomes=outcomes(e.lines),
                approved_total_oere=e.approved_total_ore,
                payment_due_on=e.payment_due_on,
            )
            kind = "claim.approved"
            data |= {
                "approved_total_oere": e.approved_total_ore,
                "payment_due_on": str(e.payment_due_on),
            }
        else:
            command = claim.RecordClaimRejected(
                **acting.stamp,
                claim_id=e.claim_id,
                reason=e.reason,
                reason_code=e.reason_code.value,
                outcomes=outcomes(e.lines),
            )
            kind = "claim.rejected"
            data["reason_code"] = e.reason_code.value
        if await self._run(uow, acting, agg.CLAIMS, e.claim_id, command):
            await self._notify(uow, env, e.provider_id, kind, data)

    async def claim_paid(self, uow: UnitOfWork, env: Envelope, e: ClaimPaid) -> None:
        acting = system(e.provider_id, env.occurred_at, env.correlation_id, env.event_id)
        command = claim.RecordClaimPaid(
            **acting.stamp, claim_id=e.claim_id, paid_on=e.paid_on, paid_total_oere=e.paid_total_ore
        )
        if await self._run(uow, acting, agg.CLAIMS, e.claim_id, command):
            data = {
                "claim_id": str(e.claim_id),
                "paid_on": str(e.paid_on),
                "paid_total_oere": e.paid_total_ore,
            }
            await self._notify(uow, env, e.provider_id, "claim.paid", data)
