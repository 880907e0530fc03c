"""Decide what a command on an individual contract means, or refuse it."""

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.contract.expiry import expire
from authority.domain.contract.messages import (
    AmendContract,
    ContractAmended,
    ContractCommand,
    ContractCountersigned,
    ContractDrafted,
    ContractEvent,
    ContractSignedByAuthority,
    DeliveryStarted,
    DeliveryStopped,
    DraftContract,
    RecordContractEnded,
    RecordContractExpired,
    RecordDeliveryStarted,
    RecordDeliveryStopped,
    RecordProviderCountersigned,
    SignAsAuthority,
    TerminateContract,
)
from authority.domain.contract.model import ContractState
from authority.domain.contract.notice import ended as _ended
from authority.domain.contract.notice import terminate
from authority.domain.contract.terms import check_terms
from authority.domain.errors import DomainError, require


def decide(command: ContractCommand, state: ContractState | None) -> list[ContractEvent]:
    if isinstance(command, DraftContract | RecordContractExpired):  # no live contract needed
        return (
            _draft(command, state) if isinstance(command, DraftContract) else expire(command, state)
        )
    if isinstance(command, RecordDeliveryStarted | RecordDeliveryStopped | RecordContractEnded):
        return _reported(command, state)
    contract = _live(state)
    match command:
        case SignAsAuthority():
            require_role(command, CASEWORK)
            _current(contract, command.version)
            _unsigned(contract.authority_signed, contract)
            return [ContractSignedByAuthority(**stamp(command), version=contract.version)]
        case RecordProviderCountersigned():
            _current(contract, command.version)
            require(
                contract.authority_signed == contract.version,
                "authority_signature_missing",
                "the authority signs a version before the provider countersigns it",
            )
            _unsigned(contract.provider_signed, contract)
            return [ContractCountersigned(**stamp(command), version=contract.version)]
        case AmendContract():
            require_role(command, CASEWORK)
            require(
                contract.termination is None,
                "contract_under_notice",
                "a contract under notice is not amended",
            )
            check_terms(command.terms)
            require(
                command.terms not in (contract.terms, contract.terms_in_force),
                "amendment_changes_nothing",
                "the amendment has the same terms as the version in force or pending",
            )
            version = contract.version + 1
            return [ContractAmended(**stamp(command), version=version, terms=command.terms)]
        case TerminateContract():
            return terminate(command, contract)


def _draft(command: DraftContract, state: ContractState | None) -> list[ContractEvent]:
    require_role(command, CASEWORK)
    require(state is None, "contract_exists", "a contract with this id already exists")
    check_terms(command.terms)
    return [
        ContractDrafted(
            **stamp(command),
            contract_id=command.contract_id,
            order_id=command.order_id,
            case_id=command.case_id,
            provider_id=command.provider_id,
            terms=command.terms,
            standard_contract_id=command.standard_contract_id,
        )
    ]


def _live(state: ContractState | None) -> ContractState:
    if state is None:
        raise DomainError("contract_not_found", "the contract does not exist")
    require(not state.ended, "contract_terminated", "the contract has ended")
    return state


def _current(contract: ContractState, version: int | None) -> None:
    require(
        version is None or version == contract.version,
        "stale_contract_version",
        f"version {version} was signed, but the contract is now version {contract.version}",
    )


def _unsigned(signed_version: int | None, contract: ContractState) -> None:
    require(
        signed_version != contract.version,
        "already_signed",
        f"version {contract.version} is already signed by this party",
    )


def _reported(
    command: RecordDeliveryStarted | RecordDeliveryStopped | RecordContractEnded,
    state: ContractState | None,
) -> list[ContractEvent]:
    """What the provider reports of the delivery it actually made; the scheduler's end."""
    if isinstance(command, RecordContractEnded):
        return _ended(command, state)
    if isinstance(command, RecordDeliveryStarted):
        return _delivery_started(command, state)
    return _delivery_stopped(command, state)


def _delivery_started(
    command: RecordDeliveryStarted, state: ContractState | None
) -> list[ContractEvent]:
    """The provider starts only under a contract in force on its side. Its countersignature
    travels on another topic and may arrive after the start, so here it is enough that the
    authority signed a version and the contract has not ended (under notice it runs on)."""
    if state is None or state.ended or state.authority_signed is None:
        raise DomainError("contract_not_in_force", "no signed contract in force to deliver on")
    require(
        state.delivery_started_on is None,
        "delivery_already_started",
        "delivery has already started",
    )
    return [DeliveryStarted(**stamp(command), started_on=command.started_on)]


def _delivery_stopped(
    command: RecordDeliveryStopped, state: ContractState | None
) -> list[ContractEvent]:
    """Recorded even after termination: the provider says when help actually ended."""
    if state is None:
        raise DomainError("contract_not_found", "the contract does not exist")
    require(state.delivery_stop is None, "delivery_already_stopped", "delivery has already stopped")
    stopped = DeliveryStopped(
        **stamp(command),
        stopped_on=command.stopped_on,
        reason_code=command.reason_code,
        text=command.text,
    )
    return [stopped]
