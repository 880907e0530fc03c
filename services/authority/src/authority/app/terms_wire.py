"""The terms the provider is asked to countersign, as the contracts define them: one form the
authority hashes and offers, the provider is shown and recomputes (docs/contract-hash.md)."""

from __future__ import annotations

import samspil_contracts as wire
from samspil_contracts.terms import GeneralTerms, MeasureSpecificTerms, ProviderDemands

from authority.app.case_wire import wire_goals
from authority.domain.contract import ContractState
from authority.domain.contract.model import Contact
from authority.domain.standard import StandardContractState


def contact(c: Contact) -> wire.ContactPerson:
    return wire.ContactPerson(name=c.name, email=c.email, phone=c.phone)


def standard_terms(state: StandardContractState) -> wire.StandardTerms:
    t, s = state.terms, state.terms.specific
    demands = s.demands_on_provider
    return wire.StandardTerms(
        contract_id=state.standard_contract_id,
        version=1,  # a standard contract has one version (its offer says so too)
        provider_id=state.provider_id,
        measure=wire.MeasureCode(t.measure.value),
        authority_contact=contact(t.authority_contact),
        provider_contact=contact(t.provider_contact),
        general=GeneralTerms(
            ethics=t.general.ethics,
            payment=t.general.payment,
            disputes_and_breach=t.general.disputes_and_breach,
            sanctions_and_termination=t.general.sanctions_and_termination,
        ),
        specific=MeasureSpecificTerms(
            purpose=s.purpose,
            demands_on_authority=s.demands_on_authority,
            demands_on_provider=ProviderDemands(
                opening_hours=demands.opening_hours,
                training=demands.training,
                involvement=demands.involvement,
                confidentiality=demands.confidentiality,
                duty_to_notify=demands.duty_to_notify,
                data_storage=demands.data_storage,
                use_of_force=demands.use_of_force,
            ),
            places=s.places,
            insurance=s.insurance,
            follow_up=s.follow_up,
            price=wire.Price(amount_ore=s.price_per_unit_oere, per=wire.PriceUnit(s.unit.value)),
            price_regulation=s.price_regulation,
            payment_terms_days=s.payment_terms_days,
            start=s.start,
            duration_months=s.duration_months,
        ),
    )


def framework_of(state: StandardContractState) -> wire.FrameworkRef:
    return wire.FrameworkRef(
        standard_contract_id=state.standard_contract_id,
        terms_sha256=wire.terms_sha256(standard_terms(state)),
    )


def individual_terms(
    contract: ContractState, measure: str, framework: wire.FrameworkRef
) -> wire.IndividualTerms:
    """The current version's terms, every one the provider countersigns."""
    t = contract.terms
    return wire.IndividualTerms(
        contract_id=contract.contract_id,
        version=contract.version,
        provider_id=contract.provider_id,
        case_id=contract.case_id,
        order_id=contract.order_id,
        measure=wire.MeasureCode(measure),
        framework=framework,
        goals=wire_goals(t.goals),
        scope=wire.Scope.model_validate_json(t.scope),
        frequency=wire.Frequency.model_validate_json(t.frequency),
        start=t.start,
        expected_end=t.expected_end,
        expected_duration_months=t.duration_months,
        follow_up_wanted=t.follow_up_wanted,
        special_economic_agreements=t.special_economic_agreements,
        price=wire.Price(amount_ore=t.price_per_unit_oere, per=wire.PriceUnit(t.unit.value)),
        payment_terms_days=t.payment_terms_days,
        authority_contact=contact(t.authority_contact),
        provider_contact=contact(t.provider_contact),
    )
