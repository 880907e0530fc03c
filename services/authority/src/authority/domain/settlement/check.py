"""The checks finance relies on before a claim, or some of its lines, is paid."""

from collections.abc import Collection

from authority.domain.settlement.model import Claim, ClaimTerms, LineKind, LineRejection


def check_claim(terms: ClaimTerms, claim: Claim) -> list[str]:
    """Every way `claim` departs from the contract; empty when it may be approved.

    Lines are named by number, not description: a description may mention the child.
    """
    if not claim.lines:
        return ["the claim has no lines"]
    return approval_problems(terms, claim, range(1, len(claim.lines) + 1))


def approval_problems(terms: ClaimTerms, claim: Claim, approved: Collection[int]) -> list[str]:
    """Why the lines numbered `approved` (from 1) may not be approved together: the period,
    each line against the contract version, the approved service units against the scope."""
    if not approved:
        return []
    return [
        *_period_problems(terms, claim),
        *(text for n in sorted(approved) for _, text in line_problems(terms, claim, n)),
        *_scope(terms, claim, approved),
    ]


def line_problems(terms: ClaimTerms, claim: Claim, number: int) -> list[tuple[LineRejection, str]]:
    """Line `number` against the contract version: a service line at its price per unit, a
    special agreement only where the version has særlige økonomiske aftaler."""
    line = claim.lines[number - 1]
    found: list[tuple[LineRejection, str]] = []
    if line.units <= 0:
        found.append((LineRejection.OTHER, f"line {number}: units must be positive"))
    if line.kind is LineKind.SPECIAL_AGREEMENT:
        if not terms.special_agreements.strip():
            found.append(
                (
                    LineRejection.NO_SPECIAL_AGREEMENT,
                    f"line {number}: contract version {terms.version} has no special "
                    "economic agreements to bill",
                )
            )
    elif line.unit_price_oere != terms.price_per_unit_oere:
        found.append(
            (
                LineRejection.PRICE_DIFFERS_FROM_CONTRACT,
                f"line {number}: unit price {_kroner(line.unit_price_oere)} differs from "
                f"the contract price {_kroner(terms.price_per_unit_oere)}",
            )
        )
    return found


def suggested_rejection(terms: ClaimTerms, claim: Claim, number: int) -> LineRejection | None:
    """The code a line's own problem suggests (the period's, else the line's), if any."""
    if _period_problems(terms, claim):
        return LineRejection.OUTSIDE_CONTRACT_PERIOD
    found = line_problems(terms, claim, number)
    if found:
        return found[0][0]
    line = claim.lines[number - 1]
    if line.kind is LineKind.SERVICE and _units_through(claim, number) > terms.units_allowed:
        return LineRejection.EXCEEDS_SCOPE  # the scope is used up by the lines before it
    return None


def _units_through(claim: Claim, number: int) -> int:
    return sum(line.units for line in claim.lines[:number] if line.kind is LineKind.SERVICE)


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


def _scope(terms: ClaimTerms, claim: Claim, approved: Collection[int]) -> list[str]:
    units = sum(
        claim.lines[n - 1].units for n in approved if claim.lines[n - 1].kind is LineKind.SERVICE
    )
    if units > terms.units_allowed:
        return [
            f"the claim has {units} units; the contract allows {terms.units_allowed} in the period"
        ]
    return []


def _kroner(oere: int) -> str:
    kroner, rest = divmod(oere, 100)
    return f"{kroner}.{rest:02d} DKK"
