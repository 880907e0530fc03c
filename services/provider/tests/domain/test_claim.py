"""Claims: at the contract price, credited up to the claim total, decided by the authority."""

from dataclasses import replace
from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from provider.domain import Actor, Role
from provider.domain.claim import (
    ClaimApproved,
    ClaimLine,
    ClaimPaid,
    ClaimRejected,
    ClaimStatus,
    ClaimSubmitted,
    CreditNoteIssued,
    IssueCreditNote,
    LineKind,
    LineOutcome,
    RecordClaimApproved,
    RecordClaimPaid,
    RecordClaimRejected,
    SubmitClaim,
    decide,
    evolve,
)
from provider.domain.common import DomainError
from provider.domain.contract import ContractFacts
from servicekit.decider import Decider
from testkit import DeciderSpec

given = DeciderSpec(Decider(None, decide, evolve), refusal=DomainError).given

TENANT, OTHER_TENANT = uuid4(), uuid4()
CLAIM_ID, CONTRACT_ID, NOTE_ID = uuid4(), uuid4(), uuid4()
AT = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)
COORDINATOR = Actor("coordinator-1", Role.COORDINATOR)
SYSTEM = Actor("authority-settlements", Role.SYSTEM)
CONTRACT = ContractFacts(
    tenant_id=TENANT,
    contract_id=CONTRACT_ID,
    in_force=True,
    goal_ids=frozenset({uuid4()}),
    price_oere=65_000,
)
LINES = (ClaimLine("Support in the home, April", 16, 65_000),)
SUBMIT = SubmitClaim(
    actor=COORDINATOR,
    tenant_id=TENANT,
    at=AT,
    claim_id=CLAIM_ID,
    claim_number="2025-0417",
    contract=CONTRACT,
    period_start=date(2025, 4, 1),
    period_end=date(2025, 4, 30),
    lines=LINES,
)
SUBMITTED = ClaimSubmitted(
    actor=COORDINATOR,
    tenant_id=TENANT,
    at=AT,
    claim_id=CLAIM_ID,
    claim_number="2025-0417",
    contract_id=CONTRACT_ID,
    period_start=date(2025, 4, 1),
    period_end=date(2025, 4, 30),
    lines=LINES,
    total_oere=1_040_000,
)
APPROVED = ClaimApproved(actor=SYSTEM, tenant_id=TENANT, at=AT, claim_id=CLAIM_ID)
REJECTED = ClaimRejected(actor=SYSTEM, tenant_id=TENANT, at=AT, claim_id=CLAIM_ID, reason="No")


def credit(amount: int) -> IssueCreditNote:
    return IssueCreditNote(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        credit_note_id=NOTE_ID,
        claim_id=CLAIM_ID,
        amount_oere=amount,
        reason="Two sessions cancelled.",
    )


def credited(amount: int) -> CreditNoteIssued:
    return CreditNoteIssued(
        actor=COORDINATOR,
        tenant_id=TENANT,
        at=AT,
        credit_note_id=NOTE_ID,
        claim_id=CLAIM_ID,
        amount_oere=amount,
        reason="Two sessions cancelled.",
    )


class TestSubmitting:
    def test_a_claim_at_the_contract_price_is_submitted_with_its_total(self) -> None:
        given().when(SUBMIT).then(SUBMITTED)

    def test_a_unit_price_other_than_the_contract_price_is_refused(self) -> None:
        command = replace(SUBMIT, lines=(*LINES, ClaimLine("Extra hours", 2, 70_000)))
        given().when(command).then_refused("price_mismatch")

    def test_a_period_ending_before_it_starts_is_refused(self) -> None:
        command = replace(SUBMIT, period_end=date(2025, 3, 31))
        given().when(command).then_refused("invalid_period")

    @pytest.mark.parametrize("number", ["", "-17", "2025 0417", "x" * 31])
    def test_a_malformed_claim_number_is_refused(self, number: str) -> None:
        command = replace(SUBMIT, claim_number=number)
        given().when(command).then_refused("invalid_claim_number")

    def test_a_claim_under_another_tenants_contract_is_not_found(self) -> None:
        command = replace(SUBMIT, contract=replace(CONTRACT, tenant_id=OTHER_TENANT))
        given().when(command).then_refused("not_found")


class TestCrediting:
    def test_a_credit_note_credits_part_of_the_claim(self) -> None:
        state = given(SUBMITTED).when(credit(130_000)).then(credited(130_000))
        assert state is not None
        assert state.credited_oere == 130_000

    def test_credit_beyond_the_claim_total_is_refused(self) -> None:
        given(SUBMITTED).when(credit(1_040_001)).then_refused("credit_exceeds_claim")
        second = replace(credit(1_000_000), credit_note_id=uuid4())
        history = (SUBMITTED, credited(130_000))
        given(*history).when(second).then_refused("credit_exceeds_claim")

    def test_a_rejected_claim_cannot_be_credited(self) -> None:
        given(SUBMITTED, REJECTED).when(credit(1)).then_refused("claim_rejected")

    def test_another_tenants_claim_is_not_found(self) -> None:
        command = replace(credit(1), tenant_id=OTHER_TENANT)
        given(SUBMITTED).when(command).then_refused("not_found")


class TestAuthorityDecision:
    APPROVE = RecordClaimApproved(actor=SYSTEM, tenant_id=TENANT, at=AT, claim_id=CLAIM_ID)
    REJECT = RecordClaimRejected(
        actor=SYSTEM, tenant_id=TENANT, at=AT, claim_id=CLAIM_ID, reason="No"
    )

    def test_approval_is_recorded_once(self) -> None:
        state = given(SUBMITTED).when(self.APPROVE).then(APPROVED)
        assert state is not None
        assert state.status is ClaimStatus.APPROVED
        given(SUBMITTED, APPROVED).when(self.APPROVE).then()

    def test_rejection_is_recorded(self) -> None:
        given(SUBMITTED).when(self.REJECT).then(REJECTED)

    def test_a_decided_claim_cannot_get_the_opposite_decision(self) -> None:
        given(SUBMITTED, APPROVED).when(self.REJECT).then_refused("claim_already_decided")

    def test_only_the_authority_integration_records_decisions(self) -> None:
        command = replace(self.APPROVE, actor=COORDINATOR)
        given(SUBMITTED).when(command).then_refused("forbidden")


def test_a_special_agreement_is_its_own_line_at_its_own_amount() -> None:
    # Given a line for a special economic agreement besides the measure's hours
    transport = ClaimLine("Transport, April", 1, 40_000, LineKind.SPECIAL_AGREEMENT)
    command = replace(SUBMIT, lines=(*LINES, transport))
    # Then it is not held to the price per unit; a service line at another price still is
    [event] = decide(command, None)
    assert isinstance(event, ClaimSubmitted)
    assert event.total_oere == 1_040_000 + 40_000
    dearer = replace(SUBMIT, lines=(ClaimLine("Hours", 1, 40_000),))
    given().when(dearer).then_refused("price_mismatch")


def test_each_lines_outcome_is_recorded_and_the_payment_once() -> None:
    outcomes = (LineOutcome(1, True), LineOutcome(2, False, "exceeds_scope"))
    approve = RecordClaimApproved(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        claim_id=CLAIM_ID,
        outcomes=outcomes,
        approved_total_oere=1_000_000,
        payment_due_on=date(2025, 5, 31),
    )
    [approved] = decide(approve, evolve(None, SUBMITTED))
    assert isinstance(approved, ClaimApproved)
    assert approved.outcomes == outcomes
    pay = RecordClaimPaid(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        claim_id=CLAIM_ID,
        paid_on=date(2025, 5, 30),
        paid_total_oere=1_000_000,
    )
    state = (
        given(SUBMITTED, approved)
        .when(pay)
        .then(
            ClaimPaid(
                actor=SYSTEM,
                tenant_id=TENANT,
                at=AT,
                claim_id=CLAIM_ID,
                paid_on=date(2025, 5, 30),
                paid_total_oere=1_000_000,
            )
        )
    )
    assert state.status is ClaimStatus.PAID
    paid = ClaimPaid(
        actor=SYSTEM,
        tenant_id=TENANT,
        at=AT,
        claim_id=CLAIM_ID,
        paid_on=pay.paid_on,
        paid_total_oere=1_000_000,
    )
    given(SUBMITTED, approved, paid).when(pay).then()  # redelivered: nothing new
    given(SUBMITTED, approved, paid).when(approve).then()
