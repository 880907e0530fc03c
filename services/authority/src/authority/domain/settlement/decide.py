"""Decide and evolve for claims: received as sent, approved only by finance and only if clean."""

from dataclasses import replace
from datetime import timedelta

from authority.domain.audit import Role, require_role, stamp
from authority.domain.errors import DomainError, require, require_text
from authority.domain.settlement.check import check_claim
from authority.domain.settlement.messages import (
    ApproveClaim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimReceived,
    ClaimRejected,
    ReceiveClaim,
    RejectClaim,
)
from authority.domain.settlement.model import ClaimState, ClaimStatus


def decide(command: ClaimCommand, state: ClaimState | None) -> list[ClaimEvent]:
    match command:
        case ReceiveClaim():
            # Recorded as the provider sent it; the problems show when finance looks.
            require(state is None, "claim_exists", "this claim is already received")
            return [
                ClaimReceived(
                    **stamp(command),
                    claim_id=command.claim_id,
                    contract_id=command.contract_id,
                    provider_id=command.provider_id,
                    terms=command.terms,
                    claim=command.claim,
                )
            ]
        case ApproveClaim():
            claim = _undecided(command, state)
            problems = check_claim(claim.terms, claim.claim)
            require(not problems, "claim_does_not_match_contract", "; ".join(problems))
            due = command.at.date() + timedelta(days=claim.terms.payment_terms_days)
            total = claim.claim.total_oere
            return [ClaimApproved(**stamp(command), approved_total_oere=total, payment_due_on=due)]
        case RejectClaim():
            _undecided(command, state)
            require_text(command.reason, "reason")
            return [ClaimRejected(**stamp(command))]


def _undecided(command: ApproveClaim | RejectClaim, state: ClaimState | None) -> ClaimState:
    require_role(command, Role.FINANCE)
    if state is None:
        raise DomainError("claim_not_found", "the claim does not exist")
    require(
        state.status is ClaimStatus.RECEIVED,
        "claim_already_decided",
        f"the claim is already {state.status.value}",
    )
    return state


def evolve(state: ClaimState | None, event: ClaimEvent) -> ClaimState:
    if isinstance(event, ClaimReceived):
        return ClaimState(
            claim_id=event.claim_id,
            contract_id=event.contract_id,
            provider_id=event.provider_id,
            terms=event.terms,
            claim=event.claim,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before ClaimReceived: the stream is corrupt")
    approved = isinstance(event, ClaimApproved)
    return replace(state, status=ClaimStatus.APPROVED if approved else ClaimStatus.REJECTED)
