"""Finance's decision per line: every line named once, a rejection coded, and the approved
lines together within the contract version the claim is checked against."""

from dataclasses import replace
from datetime import timedelta

from authority.domain.audit import stamp
from authority.domain.errors import DomainError, require
from authority.domain.settlement.check import approval_problems
from authority.domain.settlement.messages import (
    ClaimApproved,
    ClaimEvent,
    ClaimRejected,
    DecideClaimLines,
)
from authority.domain.settlement.model import ClaimState, LineOutcome, LineRejection


def decide_lines(
    command: DecideClaimLines, state: ClaimState, outcomes: tuple[LineOutcome, ...]
) -> list[ClaimEvent]:
    _every_line_once(state, outcomes)
    for outcome in outcomes:
        _coded(outcome)
    approved = [o.line for o in outcomes if o.approved]
    problems = approval_problems(state.terms, state.claim, approved)
    require(not problems, "claim_does_not_match_contract", "; ".join(problems))
    ordered = tuple(sorted(outcomes, key=lambda o: o.line))
    if not approved:
        first = ordered[0].reason_code or LineRejection.OTHER
        return [ClaimRejected(**stamp(command), reason_code=first, outcomes=ordered)]
    decided = _with(state, ordered)
    due = state.payment_due_on or command.at.date() + timedelta(days=state.terms.payment_terms_days)
    return [
        ClaimApproved(
            **stamp(command),
            approved_total_oere=decided.payable_oere,
            payment_due_on=due,
            outcomes=ordered,
        )
    ]


def _with(state: ClaimState, outcomes: tuple[LineOutcome, ...]) -> ClaimState:
    return replace(state, outcomes=outcomes)


def _every_line_once(state: ClaimState, outcomes: tuple[LineOutcome, ...]) -> None:
    numbers = sorted(o.line for o in outcomes)
    expected = list(range(1, len(state.claim.lines) + 1))
    if numbers != expected:
        raise DomainError(
            "claim_lines_undecided",
            f"decide each of the claim's {len(expected)} lines exactly once",
        )


def _coded(outcome: LineOutcome) -> None:
    if outcome.approved:
        require(
            outcome.reason_code is None,
            "rejection_reason_required",
            f"line {outcome.line}: an approved line has no rejection reason",
        )
        return
    require(
        outcome.reason_code is not None,
        "rejection_reason_required",
        f"line {outcome.line}: a rejected line needs a coded reason",
    )
    if outcome.reason_code is LineRejection.OTHER:
        require(
            bool(outcome.text and outcome.text.strip()),
            "rejection_text_required",
            f"line {outcome.line}: the reason 'other' needs a text",
        )
