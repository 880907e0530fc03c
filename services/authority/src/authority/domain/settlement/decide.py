"""Decide and evolve for claims: received as sent, decided by finance line by line (only
what matches the contract version is approved), reduced by credit notes, paid once."""

from dataclasses import replace

from authority.domain.audit import Role, require_role, stamp
from authority.domain.errors import DomainError, require, require_text
from authority.domain.settlement.lines import decide_lines
from authority.domain.settlement.messages import (
    ApplyCreditNote,
    ApproveClaim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    CreditNoteApplied,
    DecideClaimLines,
    MarkClaimPaid,
    ReceiveClaim,
    RejectClaim,
)
from authority.domain.settlement.model import ClaimState, ClaimStatus, LineOutcome


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
                    payment_due_on=command.payment_due_on,
                )
            ]
        case ApproveClaim():
            claim = _undecided(command, state)
            every = tuple(LineOutcome(n, True) for n in range(1, len(claim.claim.lines) + 1))
            return decide_lines(DecideClaimLines(**stamp(command), outcomes=every), claim, every)
        case RejectClaim():
            claim = _undecided(command, state)
            require_text(command.reason, "reason")
            every = tuple(
                LineOutcome(n, False, command.reason_code, command.reason)
                for n in range(1, len(claim.claim.lines) + 1)
            )
            return [
                ClaimRejected(**stamp(command), reason_code=command.reason_code, outcomes=every)
            ]
        case DecideClaimLines():
            return decide_lines(command, _undecided(command, state), command.outcomes)
        case ApplyCreditNote():
            return _credit(command, _existing(state))
        case MarkClaimPaid():
            return _paid(command, state)


def _credit(command: ApplyCreditNote, state: ClaimState) -> list[ClaimEvent]:
    require_role(command, Role.SYSTEM)
    if command.credit_note_id in state.credit_note_ids:
        return []  # the provider's credit note, redelivered
    return [
        CreditNoteApplied(
            **stamp(command),
            credit_note_id=command.credit_note_id,
            amount_oere=command.amount_oere,
        )
    ]


def _paid(command: MarkClaimPaid, state: ClaimState | None) -> list[ClaimEvent]:
    require_role(command, Role.FINANCE)
    claim = _existing(state)
    require(claim.status is not ClaimStatus.PAID, "claim_already_paid", "the claim is paid")
    require(
        claim.status is ClaimStatus.APPROVED,
        "claim_not_approved",
        "only an approved claim is paid: decide its lines first",
    )
    return [
        ClaimPaid(**stamp(command), paid_on=command.paid_on, paid_total_oere=claim.payable_oere)
    ]


def _existing(state: ClaimState | None) -> ClaimState:
    if state is None:
        raise DomainError("claim_not_found", "the claim does not exist")
    return state


def _undecided(
    command: ApproveClaim | RejectClaim | DecideClaimLines, state: ClaimState | None
) -> ClaimState:
    require_role(command, Role.FINANCE)
    claim = _existing(state)
    require(
        claim.status is ClaimStatus.RECEIVED,
        "claim_already_decided",
        f"the claim is already {claim.status.value}",
    )
    return claim


def evolve(state: ClaimState | None, event: ClaimEvent) -> ClaimState:
    if isinstance(event, ClaimReceived):
        return ClaimState(
            claim_id=event.claim_id,
            contract_id=event.contract_id,
            provider_id=event.provider_id,
            terms=event.terms,
            claim=event.claim,
            payment_due_on=event.payment_due_on,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} before ClaimReceived: the stream is corrupt")
    match event:
        case ClaimApproved():
            every = tuple(LineOutcome(n, True) for n in range(1, len(state.claim.lines) + 1))
            outcomes = event.outcomes or every
            return replace(
                state,
                status=ClaimStatus.APPROVED,
                outcomes=outcomes,
                payment_due_on=state.payment_due_on or event.payment_due_on,
            )
        case ClaimRejected():
            return replace(state, status=ClaimStatus.REJECTED, outcomes=event.outcomes)
        case CreditNoteApplied():
            return replace(
                state,
                credited_oere=state.credited_oere + event.amount_oere,
                credit_note_ids=state.credit_note_ids | {event.credit_note_id},
            )
        case ClaimPaid():
            return replace(state, status=ClaimStatus.PAID, paid_on=event.paid_on)
