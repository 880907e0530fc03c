"""The checks finance relies on before a claim is paid."""

from authority.domain.settlement.model import Claim, ClaimTerms


def check_claim(terms: ClaimTerms, claim: Claim) -> list[str]:
    """Every way `claim` departs from the contract; empty when it may be approved.

    Lines are named by number, not description: a description may mention the child.
    """
    if not claim.lines:
        return ["the claim has no lines"]
    return [*_period_problems(terms, claim), *_line_problems(terms, claim), *_scope(terms, claim)]


def _period_problems(terms: ClaimTerms, claim: Claim) -> list[str]:
    if claim.period_end < claim.period_start:
        return ["the claim period ends before it starts"]
    starts_early = claim.period_start < terms.period_start
    ends_late = terms.period_end is not None and claim.period_end > terms.period_end
    if starts_early or ends_late:
        contract_end = terms.period_end.isoformat() if terms.period_end else "open-ended"
        return [
            f"the claim period {claim.period_start}..{claim.period_end} lies outside "
            f"the contract period {terms.period_start}..{contract_end}"
        ]
    return []


def _line_problems(terms: ClaimTerms, claim: Claim) -> list[str]:
    problems: list[str] = []
    for number, line in enumerate(claim.lines, start=1):
        if line.units <= 0:
            problems.append(f"line {number}: units must be positive")
        if line.unit_price_oere != terms.price_per_unit_oere:
            problems.append(
                f"line {number}: unit price {_kroner(line.unit_price_oere)} differs from "
                f"the contract price {_kroner(terms.price_per_unit_oere)}"
            )
    return problems


def _scope(terms: ClaimTerms, claim: Claim) -> list[str]:
    if claim.total_units > terms.units_allowed:
        return [
            f"the claim has {claim.total_units} units; "
            f"the contract allows {terms.units_allowed} in the period"
        ]
    return []


def _kroner(oere: int) -> str:
    kroner, rest = divmod(oere, 100)
    return f"{kroner}.{rest:02d} DKK"
