"""Notice (opsigelse) of an individual contract by either party, and its end.

The coordinator gives notice for the provider on a contract in force, once; the last day is
counted by the party giving notice, and none (an immediate end) only for a serious breach.
The authority's announcement of a notice is recorded as it says (it keeps the contract).
Under notice the contract stays in force through its last day; the scheduler says when it
has passed, and only then is it ended.
"""

from __future__ import annotations

from dataclasses import replace

from provider.domain.common import Role, existing, refuse, require_role, stamp
from provider.domain.contract.model import (
    Contract,
    ContractEnded,
    ContractEvent,
    GiveNotice,
    NoticeGiven,
    OwnNoticeRecorded,
    Party,
    RecordEnded,
    RecordNotice,
    TerminationReason,
)

# What a provider may end a contract for at once: a serious breach by the authority.
IMMEDIATE_FOR_PROVIDER = frozenset({TerminationReason.SERIOUS_BREACH})


def decide(
    command: GiveNotice | RecordNotice | RecordEnded, state: Contract | None
) -> list[ContractEvent]:
    contract = existing(state, command, "contract")
    match command:
        case GiveNotice():
            return _give(command, contract)
        case RecordNotice():
            require_role(command, Role.SYSTEM)
            if contract.notice == command.notice:
                return []  # our own notice, as the authority announced it back
            return [
                NoticeGiven(
                    **stamp(command), contract_id=contract.contract_id, notice=command.notice
                )
            ]
        case RecordEnded():
            require_role(command, Role.SYSTEM)
            if contract.ended:
                return []
            if command.expired_on is not None:
                ended_on = command.expired_on
            elif contract.notice is not None:
                ended_on = contract.notice.last_day
            else:
                refuse("contract_not_terminated", "No notice was given of this contract.")
            return [
                ContractEnded(**stamp(command), contract_id=contract.contract_id, ended_on=ended_on)
            ]


def _give(command: GiveNotice, contract: Contract) -> list[ContractEvent]:
    """Notice once per party. Under the authority's notice the provider's own still counts:
    an earlier last day wins; a later one changes nothing here (the authority records it)."""
    require_role(command, Role.COORDINATOR)
    notice = command.notice
    ours = contract.notice is not None and contract.notice.given_by is Party.PROVIDER
    if ours or contract.own_notice:
        refuse("contract_already_terminated", "Notice of this contract has already been given.")
    if not contract.in_force:
        refuse("contract_not_in_force", "Only a contract in force is terminated.")
    if notice.immediate and notice.reason_code not in IMMEDIATE_FOR_PROVIDER:
        refuse("notice_period_required", "Only a serious breach ends a contract without notice.")
    if notice.reason_code is TerminationReason.OTHER and not (notice.text or "").strip():
        refuse("termination_text_required", "Say why when the reason is 'other'.")
    if notice.reason_code in {TerminationReason.PROVIDER_NOT_DELIVERING}:
        refuse("invalid_termination_reason", "That reason is the authority's to give.")
    if contract.notice is not None and contract.notice.last_day <= notice.last_day:
        # The authority's earlier (or same) last day stands; ours is kept as given.
        return [
            OwnNoticeRecorded(**stamp(command), contract_id=contract.contract_id, notice=notice)
        ]
    return [NoticeGiven(**stamp(command), contract_id=contract.contract_id, notice=notice)]


def evolve(state: Contract, event: NoticeGiven | OwnNoticeRecorded | ContractEnded) -> Contract:
    if isinstance(event, NoticeGiven):
        # Without a period the contract ends at once; otherwise after its last day. The
        # authority's earlier notice replacing ours leaves ours given.
        own = state.own_notice or event.notice.given_by is Party.PROVIDER
        return replace(state, notice=event.notice, ended=event.notice.immediate, own_notice=own)
    if isinstance(event, OwnNoticeRecorded):
        return replace(state, own_notice=True)
    return replace(state, ended=True)
