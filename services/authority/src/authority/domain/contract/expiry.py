"""Expiry (udløb) of an individual contract at its expected end, unless extended.

Decided rules: only the scheduler's ``contract_expiry`` ends it (role system), once, on the
expected end of the version in force, and never before that day is over: the deadline falls
due on a working day at 09:00, which may be the last day or days before it (rolled back from
a weekend or Easter), so a firing on or before the end is passed over and the next phase
(overdue, the first working day after) ends it; a contract that version extends past the deadline's
day (the scheduler then set a new expiry) does not expire on the old one; one never in
force, open-ended or already ended has nothing to expire.
"""

from datetime import timedelta

from authority.domain.audit import Role, require_role, stamp
from authority.domain.contract.ends import expected_end
from authority.domain.contract.messages import (
    ContractEvent,
    ContractExpired,
    RecordContractExpired,
)
from authority.domain.contract.model import ContractState
from authority.domain.errors import DomainError

# How far the scheduler may roll an end to a working day (Easter: Thursday to Monday).
ROLLED = timedelta(days=7)


def expire(command: RecordContractExpired, state: ContractState | None) -> list[ContractEvent]:
    require_role(command, Role.SYSTEM)
    if state is None:
        raise DomainError("contract_not_found", "the contract does not exist")
    terms = state.terms_in_force
    if state.ended or terms is None:
        return []
    end = expected_end(terms)
    if end is None or end - command.due_on > ROLLED:
        return []  # open-ended, or extended: the new end has its own expiry deadline
    if command.today <= end:
        return []  # in force through its last day: the overdue phase comes after it
    return [ContractExpired(**stamp(command), expired_on=end)]
