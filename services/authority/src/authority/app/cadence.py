"""The follow-up cadences a case may decide (opfølgning, barnets lov § 95)."""

from __future__ import annotations

from samspil_contracts import FOLLOW_UP_CADENCE_MONTHS

from authority.domain import DomainError


def require_honoured(months: int) -> None:
    """Only a cadence the scheduler honours: the event contract's bound is the one both keep,
    so a cadence accepted here never leaves a contract without follow-ups."""
    lowest, highest = FOLLOW_UP_CADENCE_MONTHS.start, FOLLOW_UP_CADENCE_MONTHS.stop - 1
    if months not in FOLLOW_UP_CADENCE_MONTHS:
        raise DomainError(
            "cadence_out_of_range",
            f"a follow-up cadence is {lowest} to {highest} months (barnets lov § 95)",
        )
