"""Whether a change request proposes something the contract can become: its own kind's
fields only, an extension ending later, an early end before the current end."""

from __future__ import annotations

from datetime import date

from provider.domain.change.model import ChangeKind, Proposal, RequestChange
from provider.domain.common import refuse


def check_proposal(command: RequestChange) -> None:
    p, kind = command.proposal, command.kind
    own = {
        ChangeKind.EXTEND: (p.new_end, p.duration_months),
        ChangeKind.CHANGE_SCOPE: (p.scope, p.frequency),
        ChangeKind.END_EARLY: (p.last_day,),
    }
    others = [v for k, values in own.items() if k is not kind for v in values]
    if any(v is not None for v in others) or all(v is None for v in own[kind]):
        refuse("invalid_change_request", f"A {kind.value} request names its own fields only.")
    if kind is ChangeKind.EXTEND:
        _check_extension(command.contract.start, command.contract.end, p)
    elif kind is ChangeKind.CHANGE_SCOPE:
        same_scope = p.scope in (None, command.contract.scope)
        if same_scope and p.frequency in (None, command.contract.frequency):
            refuse("change_changes_nothing", "The scope and frequency are those in force.")
    else:
        _check_last_day(command.contract.start, command.contract.end, p.last_day)


def _check_extension(start: date, end: date | None, p: Proposal) -> None:
    if p.new_end is not None and p.duration_months is not None:
        refuse("invalid_change_request", "Give a new end or a new duration, not both.")
    new_end = p.new_end if p.new_end is not None else add_months(start, p.duration_months or 0)
    if new_end < start:
        refuse("invalid_dates", "The new end is before the contract starts.")
    if end is not None and new_end <= end:
        refuse("extension_not_later", f"An extension ends later than the current end ({end}).")


def _check_last_day(start: date, end: date | None, last_day: date | None) -> None:
    if last_day is None or last_day < start:
        refuse("invalid_dates", "The last day is before the contract starts.")
    if end is not None and last_day >= end:
        refuse("invalid_dates", f"Ending early means a last day before the current end ({end}).")


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, capped at the 28th (as the authority counts)."""
    shifted = start.month - 1 + months
    return date(start.year + shifted // 12, shifted % 12 + 1, min(start.day, 28))
