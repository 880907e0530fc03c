"""A claim's settlement as finance lists it: per line, numbers and codes only."""

from __future__ import annotations

from typing import Any

from authority.domain.settlement import ClaimState, suggested_rejection


def settlement_columns(state: ClaimState) -> dict[str, Any]:
    outcomes = {o.line: o for o in state.outcomes}
    lines = []
    for number, line in enumerate(state.claim.lines, start=1):
        outcome = outcomes.get(number)
        suggested = suggested_rejection(state.terms, state.claim, number)
        lines.append(
            {
                "line": number,
                "kind": line.kind.value,
                "units": line.units,
                "unit_price_oere": line.unit_price_oere,
                "amount_oere": line.amount_oere,
                "outcome": None if outcome is None else _outcome(outcome.approved),
                "reason_code": None if outcome is None else _code(outcome.reason_code),
                "suggested_reason_code": _code(suggested),
            }
        )
    return {
        "contract_version": state.terms.version,
        "lines": lines,
        "credited_oere": state.credited_oere,
        "payable_oere": state.payable_oere,
        "payment_due_on": state.payment_due_on,
        "paid_on": state.paid_on,
    }


def _outcome(approved: bool) -> str:
    return "approved" if approved else "rejected"


def _code(code: Any) -> str | None:
    return None if code is None else str(code.value)
