"""Finance's decisions on a claim as the provider and the scheduler see them."""

from __future__ import annotations

from typing import Any

import samspil_contracts as wire

from authority.domain.settlement import (
    ClaimApproved,
    ClaimEvent,
    ClaimPaid,
    ClaimRejected,
    ClaimState,
    LineOutcome,
)


def outcomes_out(state: ClaimState, outcomes: tuple[LineOutcome, ...]) -> tuple[Any, ...]:
    return tuple(
        wire.LineOutcome(
            line=o.line,
            approved=o.approved,
            reason_code=None if o.reason_code is None else wire.LineRejection(o.reason_code),
            text=o.text or None,
            amount_ore=state.claim.lines[o.line - 1].amount_oere,
        )
        for o in outcomes
    )


def rejection_text(event: ClaimRejected) -> str:
    if event.reason:
        return event.reason
    return "; ".join(
        f"line {o.line}: {o.reason_code}" + (f" ({o.text})" if o.text else "")
        for o in event.outcomes
    )


def decision_out(state: ClaimState, event: ClaimEvent) -> wire.IntegrationEvent:
    ids: dict[str, Any] = {
        "claim_id": state.claim_id,
        "contract_id": state.contract_id,
        "provider_id": state.provider_id,
    }
    match event:
        case ClaimApproved():
            return wire.ClaimApproved(
                **ids,
                approved_total_ore=event.approved_total_oere,
                payment_due_on=event.payment_due_on,
                lines=outcomes_out(state, event.outcomes),
            )
        case ClaimRejected():
            return wire.ClaimRejected(
                **ids,
                reason=rejection_text(event)[:4000] or "rejected",
                reason_code=wire.LineRejection(event.reason_code),
                lines=outcomes_out(state, event.outcomes),
            )
        case ClaimPaid():
            return wire.ClaimPaid(
                **ids, paid_on=event.paid_on, paid_total_ore=event.paid_total_oere
            )
    raise TypeError(f"{type(event).__name__} is not published")
