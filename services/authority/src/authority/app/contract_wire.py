"""Contracts on the wire: what the authority offers, and the fact that one is in force."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

import samspil_contracts as wire
from pydantic import TypeAdapter
from samspil_contracts.agreements import ContractKind, Signature

from authority.app.acting import Acting
from authority.domain.contract import ContractState, ContractTerms

_TERMS = TypeAdapter(ContractTerms)


def terms_sha256(terms: ContractTerms) -> str:
    """The hash both parties sign: canonical JSON (sorted keys, no spaces) of the terms."""
    canonical = json.dumps(
        _TERMS.dump_python(terms, mode="json"), sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def standard_contract_id(provider_id: UUID, measure: str) -> UUID:
    """The framework (standardkontrakt) an individual contract is an annex to."""
    return uuid5(NAMESPACE_URL, f"urn:samspil:standard-contract:{provider_id}:{measure}")


def expected_end(terms: ContractTerms) -> date | None:
    if terms.expected_end is not None or terms.duration_months is None:
        return terms.expected_end
    months = terms.start.month - 1 + terms.duration_months
    year, month = terms.start.year + months // 12, months % 12 + 1
    day = min(terms.start.day, 28)
    return date(year, month, day)


def offered(contract: ContractState, measure: str, acting: Acting) -> wire.ContractOffered:
    terms = contract.terms
    return wire.ContractOffered(
        contract_id=contract.contract_id,
        version=contract.version,
        kind=ContractKind.INDIVIDUAL,
        provider_id=contract.provider_id,
        measure=wire.MeasureCode(measure),
        standard_contract_id=standard_contract_id(contract.provider_id, measure),
        case_id=contract.case_id,
        order_id=contract.order_id,
        title=f"Individual contract, {wire.legal_basis_for(wire.MeasureCode(measure))}",
        terms_sha256=terms_sha256(terms),
        price=wire.Price(
            amount_ore=terms.price_per_unit_oere, per=wire.PriceUnit(terms.unit.value)
        ),
        payment_terms_days=terms.payment_terms_days,
        start=terms.start,
        end=expected_end(terms),
        authority_signature=Signature(
            party=wire.Party.AUTHORITY, signed_by=acting.actor.user_id, signed_at=acting.at
        ),
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
