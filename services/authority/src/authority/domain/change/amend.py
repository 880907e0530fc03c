"""The amended terms a granted change request drafts."""

from dataclasses import replace

from authority.domain.change.model import Proposal
from authority.domain.contract import ContractTerms


def amended(base: ContractTerms, p: Proposal) -> ContractTerms:
    """``base`` (the version in force) with only the proposal's fields changed; a new end or
    duration replaces both, as an amendment naming either does."""
    if p.new_end is not None or p.duration_months is not None:
        return replace(base, expected_end=p.new_end, duration_months=p.duration_months)
    return replace(base, scope=p.scope or base.scope, frequency=p.frequency or base.frequency)
