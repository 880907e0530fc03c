"""decide / evolve for claims."""

from __future__ import annotations

import re
from dataclasses import replace

from provider.domain.claim.model import (
    Claim,
    ClaimApproved,
    ClaimCommand,
    ClaimEvent,
    ClaimPaid,
    ClaimRejected,
    ClaimStatus,
    ClaimSubmitted,
    CreditNoteIssued,
    IssueCreditNote,
    LineKind,
    RecordClaimApproved,
    RecordClaimPaid,
    RecordClaimRejected,
    SubmitClaim,
)
from provider.domain.common import (
    Role,
    existing,
    not_foreign,
    own_contract,
    refuse,
    require_role,
    require_text,
    stamp,
)

# Letters, digits and . _ / - ; starts with a letter or digit; fits the authority's field.
CLAIM_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,29}")


def decide(command: ClaimCommand, state: Claim | None) -> list[ClaimEvent]:
    if isinstance(command, SubmitClaim):
        return _submit(command, state)
    claim = existing(state, command, "claim")
    match command:
        case IssueCreditNote():
            return _credit(command, claim)
        case RecordClaimApproved() | RecordClaimRejected():
            return _record_decision(command, claim)
        case RecordClaimPaid():
            return _record_paid(command, claim)


def _submit(command: SubmitClaim, state: Claim | None) -> list[ClaimEvent]:
    not_foreign(state, command, "claim")
    own_contract(command.contract, command, command.contract.contract_id)
    require_role(command, Role.COORDINATOR)
    if state is not None:
        refuse("already_submitted", "This claim is already submitted.")
    if not CLAIM_NUMBER.fullmatch(command.claim_number):
        refuse("invalid_claim_number", "Use 1-30 letters, digits, '.', '_', '/' or '-'.")
    if command.period_end < command.period_start:
        refuse("invalid_period", "The claim period ends before it starts.")
    if not command.lines:
        refuse("invalid_claim", "A claim needs at least one line.")
    for line in command.lines:
        require_text(line.description, "description")
        if line.units <= 0:
            refuse("invalid_claim", "Each line claims at least one unit.")
        if line.kind is LineKind.SERVICE and line.unit_price_oere != command.contract.price_oere:
            refuse(
                "price_mismatch",
                f"Unit price {line.unit_price_oere} øre differs from the contract price "
                f"{command.contract.price_oere} øre.",
            )
    return [
        ClaimSubmitted(
            **stamp(command),
            claim_id=command.claim_id,
            claim_number=command.claim_number,
            contract_id=command.contract.contract_id,
            period_start=command.period_start,
            period_end=command.period_end,
            lines=command.lines,
            total_oere=sum(line.amount_oere for line in command.lines),
        )
    ]


def _credit(command: IssueCreditNote, claim: Claim) -> list[ClaimEvent]:
    require_role(command, Role.COORDINATOR)
    if command.credit_note_id in claim.credit_note_ids:
        return []  # a retried credit note
    require_text(command.reason, "reason")
    if claim.status is ClaimStatus.REJECTED:
        refuse("claim_rejected", "A rejected claim has nothing to credit.")
    if command.amount_oere <= 0:
        refuse("invalid_amount", "A credit note credits a positive amount.")
    if claim.credited_oere + command.amount_oere > claim.total_oere:
        left = claim.total_oere - claim.credited_oere
        refuse("credit_exceeds_claim", f"At most {left} øre of the claim is left to credit.")
    return [
        CreditNoteIssued(
            **stamp(command),
            credit_note_id=command.credit_note_id,
            claim_id=claim.claim_id,
            amount_oere=command.amount_oere,
            reason=command.reason,
        )
    ]


def _record_decision(
    command: RecordClaimApproved | RecordClaimRejected, claim: Claim
) -> list[ClaimEvent]:
    require_role(command, Role.SYSTEM)
    event: ClaimEvent
    approved = isinstance(command, RecordClaimApproved)
    if isinstance(command, RecordClaimApproved):
        outcome = ClaimStatus.APPROVED
        event = ClaimApproved(
            **stamp(command),
            claim_id=claim.claim_id,
            outcomes=command.outcomes,
            approved_total_oere=command.approved_total_oere,
            payment_due_on=command.payment_due_on,
        )
    else:
        outcome = ClaimStatus.REJECTED
        event = ClaimRejected(
            **stamp(command),
            claim_id=claim.claim_id,
            reason=command.reason,
            reason_code=command.reason_code,
            outcomes=command.outcomes,
        )
    if claim.status is outcome or (claim.status is ClaimStatus.PAID and approved):
        return []  # the authority's decision, redelivered
    if claim.status is not ClaimStatus.SUBMITTED:
        refuse("claim_already_decided", f"The claim is already {claim.status.value}.")
    return [event]


def _record_paid(command: RecordClaimPaid, claim: Claim) -> list[ClaimEvent]:
    require_role(command, Role.SYSTEM)
    if claim.status is ClaimStatus.PAID:
        return []  # the authority's payment, redelivered
    return [
        ClaimPaid(
            **stamp(command),
            claim_id=claim.claim_id,
            paid_on=command.paid_on,
            paid_total_oere=command.paid_total_oere,
        )
    ]


def evolve(state: Claim | None, event: ClaimEvent) -> Claim:
    if isinstance(event, ClaimSubmitted):
        return Claim(
            tenant_id=event.tenant_id,
            claim_id=event.claim_id,
            claim_number=event.claim_number,
            contract_id=event.contract_id,
            total_oere=event.total_oere,
        )
    if state is None:
        raise ValueError(f"{type(event).__name__} cannot start a claim")
    match event:
        case CreditNoteIssued():
            return replace(
                state,
                credited_oere=state.credited_oere + event.amount_oere,
                credit_note_ids=state.credit_note_ids | {event.credit_note_id},
            )
        case ClaimApproved():
            return replace(state, status=ClaimStatus.APPROVED)
        case ClaimRejected():
            return replace(state, status=ClaimStatus.REJECTED)
        case ClaimPaid():
            return replace(state, status=ClaimStatus.PAID)
