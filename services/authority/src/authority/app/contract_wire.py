"""Contracts on the wire: what the authority offers, and the fact that one is in force."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import samspil_contracts as wire
from pydantic import TypeAdapter
from samspil_contracts.agreements import ContractKind, Signature

from authority.app.acting import Acting
from authority.domain import DomainError
from authority.domain.contract import ContractState, ContractTerms


def terms_sha256(terms: object) -> str:
    """The hash both parties sign: canonical JSON (sorted keys, no spaces) of the terms
    (an individual contract's or a standard contract's)."""
    canonical = json.dumps(
        TypeAdapter(type(terms)).dump_python(terms, mode="json"),
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (capped at the 28th, so every month has it)."""
    shifted = start.month - 1 + months
    return date(start.year + shifted // 12, shifted % 12 + 1, min(start.day, 28))


def expected_end(terms: ContractTerms) -> date | None:
    if terms.expected_end is not None or terms.duration_months is None:
        return terms.expected_end
    return add_months(terms.start, terms.duration_months)


def offered(contract: ContractState, measure: str, acting: Acting) -> wire.ContractOffered:
    if contract.standard_contract_id is None:
        raise DomainError("no_standard_contract", "the contract names no standard contract")
    terms = contract.terms
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
