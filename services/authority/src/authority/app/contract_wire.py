"""Contracts on the wire: what the authority offers, and the fact that one is in force."""

from __future__ import annotations

import hashlib
import json

import samspil_contracts as wire
from pydantic import TypeAdapter
from samspil_contracts.agreements import ContractKind, Signature

from authority.app.acting import Acting
from authority.domain import DomainError
from authority.domain.contract import ContractState
from authority.domain.contract.ends import expected_end


def legacy_terms_sha256(terms: object) -> str:
    """The hash v1 offers carried: of the authority's own record of the terms, which the
    provider never saw. Kept only to recognise a countersignature of such an offer; v2
    offers hash the terms shown (``samspil_contracts.terms_sha256``)."""
    canonical = json.dumps(
        TypeAdapter(type(terms)).dump_python(terms, mode="json"),
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def offered(
    contract: ContractState,
    shown: wire.IndividualTerms,
    sealed: wire.Sealed,
    acting: Acting,
) -> wire.ContractOffered:
    """The offer of ``shown`` (the terms as the provider is shown them), ``sealed`` with the
    child's key: the hash is of ``shown``'s canonical form."""
    if contract.standard_contract_id is None:
        raise DomainError("no_standard_contract", "the contract names no standard contract")
    terms, measure = contract.terms, shown.measure.value
    return wire.ContractOffered(
        contract_id=contract.contract_id,
        version=contract.version,
        kind=ContractKind.INDIVIDUAL,
        provider_id=contract.provider_id,
        measure=wire.MeasureCode(measure),
        standard_contract_id=contract.standard_contract_id,
        case_id=contract.case_id,
        order_id=contract.order_id,
        title=f"Individual contract, {wire.legal_basis_for(wire.MeasureCode(measure))}",
        terms_sha256=wire.terms_sha256(shown),
        price=wire.Price(
            amount_ore=terms.price_per_unit_oere, per=wire.PriceUnit(terms.unit.value)
        ),
        payment_terms_days=terms.payment_terms_days,
        start=terms.start,
        end=expected_end(terms),
        authority_signature=Signature(
            party=wire.Party.AUTHORITY, signed_by=acting.actor.user_id, signed_at=acting.at
        ),
        individual_terms=sealed,
    )


def in_force(contract: ContractState, cadence_months: int | None) -> wire.ContractInForce:
    return wire.ContractInForce(
        contract_id=contract.contract_id,
        version=contract.version,
        provider_id=contract.provider_id,
        case_id=contract.case_id,
        order_id=contract.order_id,
        start=contract.terms.start,
        expected_end=expected_end(contract.terms),
        follow_up_interval_months=cadence_months,
    )
