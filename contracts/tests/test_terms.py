"""The terms a provider countersigns: one canonical form, a hash recomputable from the terms
shown, and offers from before the terms travelled still readable."""

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from samspil_contracts import (
    ContactPerson,
    ContractOffered,
    Envelope,
    FrameworkRef,
    Frequency,
    Goal,
    GoalArea,
    IndividualTerms,
    MeasureCode,
    Period,
    Price,
    PriceUnit,
    Scope,
    canonical_form,
    decode,
    terms_sha256,
)
from samspil_contracts.testing import example_event

CONTACT = ContactPerson(name="Sagsbehandler Ærø", email="cw@example.invalid")
TERMS = IndividualTerms(
    contract_id=UUID(int=1),
    version=1,
    provider_id=UUID(int=2),
    case_id=UUID(int=3),
    order_id=UUID(int=4),
    measure=MeasureCode.SUPPORT_IN_HOME,
    framework=FrameworkRef(standard_contract_id=UUID(int=5), terms_sha256="ab" * 32),
    goals=(Goal(goal_id=UUID(int=6), area=GoalArea.SCHOOL, description="Går i skole hver dag"),),
    scope=Scope(hours=6, per=Period.WEEK),
    frequency=Frequency(times=2, per=Period.WEEK),
    start=date(2025, 4, 1),
    expected_end=None,
    expected_duration_months=6,
    follow_up_wanted="Første opfølgning efter 3 måneder",
    special_economic_agreements="Kørsel betales efter regning",
    price=Price(amount_ore=50_000, per=PriceUnit.HOUR),
    payment_terms_days=30,
    authority_contact=CONTACT,
    provider_contact=CONTACT,
)


def test_the_hash_is_sha256_of_sorted_compact_utf8_json_of_the_terms_shown() -> None:
    # Given the terms as a provider is shown them (plain JSON)
    shown: dict[str, Any] = json.loads(TERMS.model_dump_json())

    # When it recomputes the hash the documented way, with no samspil code at all
    text = json.dumps(shown, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    recomputed = hashlib.sha256(text.encode("utf-8")).hexdigest()

    # Then it is the hash the authority signs, and the canonical form is that text
    assert recomputed == terms_sha256(TERMS)
    assert canonical_form(TERMS) == text.encode("utf-8")
    assert "Ærø".encode() in canonical_form(TERMS)  # UTF-8, not \\u escapes


CHANGES: dict[str, Any] = {
    "version": 2,
    "goals": (Goal(goal_id=UUID(int=6), area=GoalArea.SCHOOL, description="Går i skole"),),
    "scope": Scope(hours=7, per=Period.WEEK),
    "frequency": Frequency(times=3, per=Period.WEEK),
    "start": date(2025, 4, 2),
    "expected_end": date(2025, 10, 1),
    "expected_duration_months": 7,
    "follow_up_wanted": "Opfølgning hver måned",
    "special_economic_agreements": "",
    "price": Price(amount_ore=50_001, per=PriceUnit.HOUR),
    "payment_terms_days": 31,
    "framework": FrameworkRef(standard_contract_id=UUID(int=5), terms_sha256="cd" * 32),
    "provider_contact": ContactPerson(name="Leder", email="leder@example.invalid"),
}


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_any_term_changed_changes_the_hash(field: str) -> None:
    # Given the terms with one term changed
    changed = TERMS.model_copy(update={field: CHANGES[field]})

    # When both are hashed / Then the hashes differ
    assert terms_sha256(changed) != terms_sha256(TERMS)


def test_an_offer_from_v1_is_upcast_and_read_with_no_terms() -> None:
    # Given an offer as a v1 producer wrote it (a hash, no terms)
    v1 = json.loads(example_event(ContractOffered).model_dump_json(exclude={"individual_terms"}))
    v1.pop("standard_terms")
    envelope = Envelope(
        event_id=uuid4(),
        type=ContractOffered.type_name,
        schema_version=1,
        subject=v1["contract_id"],
        revision=1,
        occurred_at=datetime(2025, 3, 3, tzinfo=UTC),
        correlation_id=uuid4(),
        producer="/samspil/authority",
    )

    # When decoded
    read, event = decode(envelope.to_headers(), json.dumps(v1).encode())

    # Then it is the current offer, its hash kept, its terms known to be absent
    assert read.schema_version == 1
    assert isinstance(event, ContractOffered)
    assert event.terms_sha256 == v1["terms_sha256"]
    assert event.individual_terms is None
    assert event.standard_terms is None
