"""A claim against the contract version in force for the claimed period, in its terms."""

from __future__ import annotations

import math
from datetime import date
from zoneinfo import ZoneInfo

import samspil_contracts as wire

from authority.domain import PriceUnit
from authority.domain.contract import ContractState, ContractTerms
from authority.domain.contract.ends import expected_end
from authority.domain.settlement import Claim, ClaimLine, ClaimTerms, LineKind

DENMARK = ZoneInfo("Europe/Copenhagen")
DAYS_PER = {"day": 1, "week": 7, "month": 30}


def units_allowed(terms: ContractTerms, claim: wire.ClaimSubmitted) -> int:
    """The scope (omfang) in the contract's price unit over the claimed period."""
    days = (claim.period_end - claim.period_start).days + 1
    if terms.unit is PriceUnit.SESSION:
        frequency = wire.Frequency.model_validate_json(terms.frequency)
        return frequency.times * math.ceil(days / DAYS_PER[frequency.per.value])
    scope = wire.Scope.model_validate_json(terms.scope)
    per_period = scope.hours if terms.unit is PriceUnit.HOUR else 1
    return per_period * math.ceil(days / DAYS_PER[scope.per.value])


def version_on(contract: ContractState, day: date) -> int:
    """The version in force on `day`: the last that came into force by then (the first also
    before it was signed: the measure may start before the signatures)."""
    since = contract.in_force_from
    if not since:
        return contract.in_force_version or contract.version
    chosen = since[0][0]
    for version, at in since:
        if at.astimezone(DENMARK).date() <= day:
            chosen = version
    return chosen


def claim_terms(contract: ContractState, claim: wire.ClaimSubmitted) -> ClaimTerms:
    version = version_on(contract, claim.period_start)
    terms = contract.versions[version - 1]
    return ClaimTerms(
        price_per_unit_oere=terms.price_per_unit_oere,
        period_start=terms.start,
        period_end=expected_end(terms),
        units_allowed=units_allowed(terms, claim),
        payment_terms_days=terms.payment_terms_days,
        version=version,
        special_agreements=terms.special_economic_agreements,
    )


def claim_of(claim: wire.ClaimSubmitted) -> Claim:
    return Claim(
        period_start=claim.period_start,
        period_end=claim.period_end,
        lines=tuple(
            ClaimLine(
                line.description,
                line.quantity,
                line.unit_price_ore,
                LineKind(line.kind.value),
            )
            for line in claim.lines
        ),
    )
