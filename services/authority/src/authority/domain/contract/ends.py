"""When a version of a contract is expected to end: its end, or its start + the duration."""

from datetime import date

from authority.domain.contract.model import ContractTerms


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (capped at the 28th, so every month has it)."""
    shifted = start.month - 1 + months
    return date(start.year + shifted // 12, shifted % 12 + 1, min(start.day, 28))


def expected_end(terms: ContractTerms) -> date | None:
    if terms.expected_end is not None or terms.duration_months is None:
        return terms.expected_end
    return add_months(terms.start, terms.duration_months)
