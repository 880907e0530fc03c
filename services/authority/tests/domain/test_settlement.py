"""Settlement: finance approves a claim only when it matches the contract's price, period, scope."""

from dataclasses import replace
from datetime import date, timedelta
from uuid import UUID

from authority.domain.errors import DomainError
from authority.domain.settlement import (
    ApproveClaim,
    Claim,
    ClaimApproved,
    ClaimLine,
    ClaimReceived,
    ClaimRejected,
    ClaimState,
    ClaimStatus,
    ClaimTerms,
    LineOutcome,
    LineRejection,
    ReceiveClaim,
    RejectClaim,
    check_claim,
    decide,
    evolve,
)
from servicekit.decider import Decider
from testkit import DeciderSpec

from .builders import AT, CASEWORKER, FINANCE, PRICE, SYSTEM, TODAY

settlement = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError)
TERMS = ClaimTerms(
    price_per_unit_oere=PRICE,
    period_start=date(2025, 4, 1),
    period_end=date(2025, 9, 30),
    units_allowed=16,
    payment_terms_days=30,
)
CLAIM = Claim(
    period_start=date(2025, 4, 1),
    period_end=date(2025, 4, 30),
    lines=(ClaimLine("Home visits, weeks 14-15", 8, PRICE), ClaimLine("Weeks 16-17", 8, PRICE)),
)
received = ClaimReceived(
    actor=SYSTEM,
    at=AT,
    claim_id=UUID(int=1),
    contract_id=UUID(int=2),
    provider_id=UUID(int=3),
    terms=TERMS,
    claim=CLAIM,
)
approve = ApproveClaim(actor=FINANCE, at=AT)


def test_a_clean_claim_has_no_problems() -> None:
    assert check_claim(TERMS, CLAIM) == []


def test_a_line_at_another_price_is_a_problem() -> None:
    dearer = replace(CLAIM, lines=(ClaimLine("Home visits", 8, PRICE + 100),))
    assert check_claim(TERMS, dearer) == [
        "line 1: unit price 551.00 DKK differs from the contract price 550.00 DKK"
    ]


def test_a_period_outside_the_contract_is_a_problem() -> None:
    late = replace(CLAIM, period_start=date(2025, 9, 15), period_end=date(2025, 10, 15))
    early = replace(CLAIM, period_start=date(2025, 3, 15))
    assert len(check_claim(TERMS, late)) == 1
    assert "outside the contract period" in check_claim(TERMS, late)[0]
    assert "outside the contract period" in check_claim(TERMS, early)[0]
    open_ended = replace(TERMS, period_end=None)
    assert check_claim(open_ended, late) == []


def test_more_units_than_the_scope_allows_is_a_problem() -> None:
    more = replace(CLAIM, lines=(*CLAIM.lines, ClaimLine("Extra visit", 1, PRICE)))
    assert check_claim(TERMS, more) == [
        "the claim has 17 units; the contract allows 16 in the period"
    ]


def test_problems_name_lines_by_number_never_by_their_text() -> None:
    bad = replace(CLAIM, lines=(ClaimLine("Visit to Invented Child", 0, 1),))
    problems = check_claim(TERMS, bad)
    assert problems == [
        "line 1: units must be positive",
        "line 1: unit price 0.01 DKK differs from the contract price 550.00 DKK",
    ]
    assert check_claim(TERMS, replace(CLAIM, lines=())) == ["the claim has no lines"]


def test_a_claim_is_received_as_sent() -> None:
    command = ReceiveClaim(
        actor=SYSTEM,
        at=AT,
        claim_id=received.claim_id,
        contract_id=received.contract_id,
        provider_id=received.provider_id,
        terms=TERMS,
        claim=CLAIM,
    )
    settlement.given().when(command).then(received)
    settlement.given(received).when(command).then_refused("claim_exists")


def test_finance_approves_a_clean_claim_with_a_payment_date() -> None:
    state = (
        settlement.given(received)
        .when(approve)
        .then(
            ClaimApproved(
                actor=FINANCE,
                at=AT,
                approved_total_oere=16 * PRICE,
                payment_due_on=TODAY + timedelta(days=30),
                outcomes=(LineOutcome(1, True), LineOutcome(2, True)),
            )
        )
    )
    assert isinstance(state, ClaimState)
    assert state.status is ClaimStatus.APPROVED
    settlement.given(received).when(replace(approve, actor=CASEWORKER)).then_refused(
        "forbidden_role"
    )


def test_a_claim_that_does_not_match_cannot_be_approved_only_rejected() -> None:
    dearer = replace(received, claim=replace(CLAIM, lines=(ClaimLine("Visits", 8, PRICE * 2),)))
    refused = settlement.given(dearer).when(approve).then_refused("claim_does_not_match_contract")
    assert "contract price" in refused.message
    reject = RejectClaim(actor=FINANCE, at=AT)
    settlement.given(dearer).when(reject).then_refused("reason_required")
    settlement.given(dearer).when(replace(reject, reason="Price differs from contract")).then(
        ClaimRejected(
            actor=FINANCE,
            at=AT,
            reason="Price differs from contract",
            outcomes=(LineOutcome(1, False, LineRejection.OTHER, "Price differs from contract"),),
        )
    )


def test_a_claim_is_decided_once() -> None:
    approved = ClaimApproved(actor=FINANCE, at=AT, approved_total_oere=1, payment_due_on=TODAY)
    settlement.given(received, approved).when(approve).then_refused("claim_already_decided")
    settlement.given().when(approve).then_refused("claim_not_found")
