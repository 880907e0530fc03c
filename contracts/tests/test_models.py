"""Events are frozen, closed, and enforce the rules the domain states."""

from datetime import date

import pytest
from pydantic import ValidationError
from samspil_contracts import (
    EVENT_TYPES,
    ClaimSubmitted,
    ContractCountersigned,
    ContractOffered,
    DeadlineReached,
    FollowUpHeld,
    IntegrationEvent,
    MeasureCode,
    OrderDeclined,
    OrderPlaced,
    Sealed,
    legal_basis_for,
    topics,
)
from samspil_contracts.testing import example_event


def _with(event: IntegrationEvent, **changes: object) -> dict[str, object]:
    return {**event.model_dump(), **changes}


def test_an_event_cannot_be_changed() -> None:
    event = example_event(OrderPlaced)

    with pytest.raises(ValidationError, match="frozen"):
        event.order_id = event.case_id  # type: ignore[misc]


def test_nested_values_cannot_be_changed_either() -> None:
    event = example_event(OrderPlaced)

    with pytest.raises(ValidationError, match="frozen"):
        event.child.kid = "other"  # type: ignore[misc]


@pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda c: c.__name__)
def test_an_extra_field_is_refused(cls: type[IntegrationEvent]) -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        cls.model_validate(_with(example_event(cls), cpr="0101011234"))


@pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda c: c.__name__)
def test_the_partition_key_is_the_field_the_topic_declares(cls: type[IntegrationEvent]) -> None:
    event = example_event(cls)

    key_field = topics.spec(cls.topic).key

    assert event.partition_key() == str(getattr(event, key_field))


def test_declining_for_other_reasons_needs_a_text() -> None:
    declined = example_event(OrderDeclined)

    with pytest.raises(ValidationError, match="text is required"):
        OrderDeclined.model_validate(_with(declined, reason="other"))
    assert OrderDeclined.model_validate(_with(declined, reason="other", text="Moving")).text


def test_a_claim_must_add_up() -> None:
    claim = example_event(ClaimSubmitted)

    with pytest.raises(ValidationError, match="sum of the lines"):
        ClaimSubmitted.model_validate(_with(claim, total_ore=claim.total_ore + 1))


def test_a_claim_line_must_be_quantity_times_price() -> None:
    claim = example_event(ClaimSubmitted)
    line = {**claim.lines[0].model_dump(), "amount_ore": 1}

    with pytest.raises(ValidationError, match="quantity \\* unit_price_ore"):
        ClaimSubmitted.model_validate(_with(claim, lines=[line], total_ore=1))


def test_money_is_whole_ore() -> None:
    claim = example_event(ClaimSubmitted)

    with pytest.raises(ValidationError):
        ClaimSubmitted.model_validate(_with(claim, total_ore=2000.5))


def test_an_individual_contract_belongs_to_a_case_and_order() -> None:
    offered = example_event(ContractOffered)

    with pytest.raises(ValidationError, match="individual contract needs"):
        ContractOffered.model_validate(_with(offered, case_id=None))


def test_each_party_signs_for_itself() -> None:
    offered = example_event(ContractOffered)
    countersigned = example_event(ContractCountersigned)
    provider_signature = countersigned.provider_signature.model_dump()
    authority_signature = offered.authority_signature.model_dump()

    with pytest.raises(ValidationError, match="authority's signature"):
        ContractOffered.model_validate(_with(offered, authority_signature=provider_signature))
    with pytest.raises(ValidationError, match="provider's"):
        ContractCountersigned.model_validate(
            _with(countersigned, provider_signature=authority_signature)
        )


def test_a_follow_up_that_continues_says_when_the_next_is_due() -> None:
    held = example_event(FollowUpHeld)

    with pytest.raises(ValidationError, match="next_due_on"):
        FollowUpHeld.model_validate(_with(held, next_due_on=None))
    with pytest.raises(ValidationError, match="next_due_on"):
        FollowUpHeld.model_validate(_with(held, outcome="end", next_due_on=date(2026, 1, 1)))


def test_instants_must_carry_a_timezone() -> None:
    deadline = example_event(DeadlineReached)

    with pytest.raises(ValidationError, match="timezone"):
        DeadlineReached.model_validate(_with(deadline, due_at="2025-03-03T10:00:00"))


def test_an_order_uses_a_fixed_measure_code() -> None:
    order = example_event(OrderPlaced)

    with pytest.raises(ValidationError, match="measure"):
        OrderPlaced.model_validate(_with(order, measure="Støtte i hjemmet"))


def test_sealed_values_are_only_aes_gcm_in_base64url() -> None:
    good = {"alg": "A256GCM", "kid": "k1", "nonce": "AAECAwQFBgcICQoL", "ciphertext": "YWJj"}

    assert Sealed.model_validate(good).alg == "A256GCM"
    for bad in ({"alg": "none"}, {"nonce": "short"}, {"ciphertext": "not base64url!"}):
        with pytest.raises(ValidationError):
            Sealed.model_validate(good | bad)


def test_legal_basis_cites_barnets_lov_section_32_for_a_stored_code() -> None:
    # Respite care (aflastning) is a støtteophold, barnets lov § 32, stk. 1, nr. 7; the stored
    # code keeps the number it had under the repealed Act.
    assert legal_basis_for(MeasureCode.RESPITE_CARE) == "Barnets lov § 32, stk. 1, nr. 7"
    assert legal_basis_for(MeasureCode.PLACEMENT) == "Barnets lov § 46"
    assert all("Serviceloven" not in legal_basis_for(code) for code in MeasureCode)
