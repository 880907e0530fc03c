"""Settlement by the contract's terms: finance decides each line with a coded reason, a
special economic agreement is its own line, credit notes reduce what is paid, paid once."""

from dataclasses import replace
from datetime import date, timedelta
from uuid import UUID

from authority.domain.errors import DomainError
from authority.domain.settlement import (
    ApplyCreditNote,
    Claim,
    ClaimApproved,
    ClaimLine,
    ClaimPaid,
    ClaimReceived,
    ClaimRejected,
    ClaimState,
    ClaimStatus,
    ClaimTerms,
    CreditNoteApplied,
    DecideClaimLines,
    LineKind,
    LineOutcome,
    LineRejection,
    MarkClaimPaid,
    decide,
    evolve,
    suggested_rejection,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, FINANCE, PRICE, SYSTEM, TODAY

settlement = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
DUE = TODAY + timedelta(days=14)
TERMS = ClaimTerms(
    price_per_unit_oere=PRICE,
    period_start=date(2025, 4, 1),
    period_end=date(2025, 9, 30),
    units_allowed=16,
    payment_terms_days=14,
    version=2,
    special_agreements="Transport to school paid at 1,200 kr a month",
)
SERVICE = ClaimLine("Home visits, April", 16, PRICE)
TRANSPORT = ClaimLine("Transport, April", 1, 120_000, LineKind.SPECIAL_AGREEMENT)
received = ClaimReceived(
    actor=SYSTEM,
    at=AT,
    claim_id=UUID(int=1),
    contract_id=UUID(int=2),
    provider_id=UUID(int=3),
    terms=TERMS,
    claim=Claim(date(2025, 4, 1), date(2025, 4, 30), (SERVICE, TRANSPORT)),
    payment_due_on=DUE,
)


def decide_lines(*outcomes: LineOutcome) -> DecideClaimLines:
    return DecideClaimLines(actor=FINANCE, at=AT, outcomes=outcomes)


NOT_DELIVERED = LineOutcome(2, False, LineRejection.NOT_DELIVERED)


def test_one_line_rejected_the_rest_approved_due_as_the_terms_say_from_receipt() -> None:
    state = (
        settlement.given(received)
        .when(decide_lines(LineOutcome(1, True), NOT_DELIVERED))
        .then(
            ClaimApproved(
                actor=FINANCE,
                at=AT,
                approved_total_oere=16 * PRICE,
                payment_due_on=DUE,
                outcomes=(LineOutcome(1, True), NOT_DELIVERED),
            )
        )
    )
    assert isinstance(state, ClaimState)
    assert state.status is ClaimStatus.APPROVED
    assert state.payable_oere == 16 * PRICE


def test_a_special_agreement_line_is_billable_only_where_the_version_has_one() -> None:
    without = replace(received, terms=replace(TERMS, special_agreements=""))
    state = evolve(None, without)
    assert suggested_rejection(state.terms, state.claim, 2) is LineRejection.NO_SPECIAL_AGREEMENT
    assert suggested_rejection(state.terms, state.claim, 1) is None
    extra = replace(state.claim, lines=(*state.claim.lines, ClaimLine("Extra hour", 1, PRICE)))
    assert suggested_rejection(state.terms, extra, 3) is LineRejection.EXCEEDS_SCOPE
    refused = (
        settlement.given(without)
        .when(decide_lines(LineOutcome(1, True), LineOutcome(2, True)))
        .then_refused("claim_does_not_match_contract")
    )
    assert "contract version 2 has no special economic agreements" in refused.message
    # the special agreement is not counted in the scope: 16 service units are allowed
    both = decide(decide_lines(LineOutcome(1, True), LineOutcome(2, True)), evolve(None, received))
    assert isinstance(both[0], ClaimApproved)
    assert both[0].approved_total_oere == 16 * PRICE + 120_000


def test_each_line_is_decided_once_and_a_rejection_is_coded() -> None:
    settlement.given(received).when(decide_lines(LineOutcome(1, True))).then_refused(
        "claim_lines_undecided"
    )
    settlement.given(received).when(
        decide_lines(LineOutcome(1, True), LineOutcome(1, True), NOT_DELIVERED)
    ).then_refused("claim_lines_undecided")
    settlement.given(received).when(
        decide_lines(LineOutcome(1, True), LineOutcome(2, False))
    ).then_refused("rejection_reason_required")
    settlement.given(received).when(
        decide_lines(LineOutcome(1, True), LineOutcome(2, False, LineRejection.OTHER))
    ).then_refused("rejection_text_required")


def test_every_line_rejected_rejects_the_claim_with_the_first_code() -> None:
    over = LineOutcome(1, False, LineRejection.EXCEEDS_SCOPE)
    settlement.given(received).when(decide_lines(NOT_DELIVERED, over)).then(
        ClaimRejected(
            actor=FINANCE,
            at=AT,
            reason_code=LineRejection.EXCEEDS_SCOPE,
            outcomes=(over, NOT_DELIVERED),
        )
    )


def test_a_credit_note_reduces_what_is_approved_and_paid_once() -> None:
    credit = ApplyCreditNote(actor=SYSTEM, at=AT, credit_note_id=UUID(int=9), amount_oere=50_000)
    applied = CreditNoteApplied(actor=SYSTEM, at=AT, credit_note_id=UUID(int=9), amount_oere=50_000)
    settlement.given(received).when(credit).then(applied)
    settlement.given(received, applied).when(credit).then()  # redelivered: nothing new
    approved = ClaimApproved(
        actor=FINANCE,
        at=AT,
        approved_total_oere=16 * PRICE - 50_000,
        payment_due_on=DUE,
        outcomes=(LineOutcome(1, True), NOT_DELIVERED),
    )
    settlement.given(received, applied).when(
        decide_lines(LineOutcome(1, True), NOT_DELIVERED)
    ).then(approved)
    later = replace(applied, credit_note_id=UUID(int=10), amount_oere=10_000)
    pay = MarkClaimPaid(actor=FINANCE, at=AT, paid_on=DUE)
    settlement.given(received, applied, approved, later).when(pay).then(
        ClaimPaid(actor=FINANCE, at=AT, paid_on=DUE, paid_total_oere=16 * PRICE - 60_000)
    )
    paid = ClaimPaid(actor=FINANCE, at=AT, paid_on=DUE, paid_total_oere=1)
    settlement.given(received, approved, paid).when(pay).then_refused("claim_already_paid")
    settlement.given(received).when(pay).then_refused("claim_not_approved")
    settlement.given(received, approved).when(replace(pay, actor=SYSTEM)).then_refused(
        "forbidden_role"
    )
