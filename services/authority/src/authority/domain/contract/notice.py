"""Notice (opsigelse) of an individual contract by either party, and its end.

Decided rules: notice is given only on a contract in force, once; the last day is counted
by the party giving notice; without a period (last day = the day notice is given) only for
a breach (`IMMEDIATE_REASONS`) or when the measure ended by decision at a follow-up, which
also ends a contract under notice at once.
Under notice the contract stays in force through its last day and ends after it.
Each party gives notice once; when both do, the earlier last day wins and the other notice
is recorded beside it (`other_notice`). An end both parties agreed (`agreed`: the
caseworker granted the provider's request to end early) may be today.
"""

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.contract.messages import (
    ContractEnded,
    ContractEvent,
    ContractTerminated,
    LaterNoticeRecorded,
    RecordContractEnded,
    TerminateContract,
)
from authority.domain.contract.model import (
    IMMEDIATE_REASONS,
    ContractState,
    Party,
    TerminationReason,
)
from authority.domain.errors import DomainError, require


def terminate(command: TerminateContract, contract: ContractState) -> list[ContractEvent]:
    if command.initiated_by is Party.AUTHORITY:
        require_role(command, CASEWORK)
    earlier = contract.termination
    given = {n.initiated_by for n in (earlier, contract.other_notice) if n is not None}
    require(
        command.initiated_by not in given or command.ends_measure,
        "contract_already_terminated",
        "notice of this contract has already been given",
    )
    require(contract.in_force, "contract_not_in_force", "only a contract in force is terminated")
    given_on = command.notice_given_on or command.effective_on
    require(
        command.effective_on >= given_on,
        "invalid_notice_period",
        "the last day is before the day notice is given",
    )
    immediate = command.effective_on == given_on
    require(
        not immediate
        or command.ends_measure
        or command.agreed
        or command.reason_code in IMMEDIATE_REASONS,
        "notice_period_required",
        "only a breach of the contract, or an end both parties agree, ends it without notice",
    )
    require(
        command.reason_code is not TerminationReason.OTHER or bool(command.text),
        "termination_text_required",
        "say why when the reason is 'other'",
    )
    if (
        earlier is not None
        and not command.ends_measure
        and earlier.last_day <= command.effective_on
    ):
        return [  # the other party's notice ends it no earlier: recorded beside it
            LaterNoticeRecorded(
                **stamp(command),
                initiated_by=command.initiated_by,
                effective_on=command.effective_on,
                reason_code=command.reason_code,
                notice_given_on=given_on,
                text=command.text,
            )
        ]
    return [
        ContractTerminated(
            **stamp(command),
            initiated_by=command.initiated_by,
            effective_on=command.effective_on,
            reason_code=command.reason_code,
            notice_given_on=given_on,
            text=command.text,
        )
    ]


def ended(command: RecordContractEnded, state: ContractState | None) -> list[ContractEvent]:
    """Idempotent: the scheduler may say it again (a redelivery, a later phase)."""
    if state is None or state.termination is None:
        raise DomainError("contract_not_terminated", "no notice was given of this contract")
    if state.termination.ended:
        return []
    return [ContractEnded(**stamp(command), ended_on=state.termination.last_day)]
