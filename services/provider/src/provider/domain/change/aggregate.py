"""decide / evolve for a contract's change requests."""

from __future__ import annotations

from dataclasses import replace

from provider.domain.change.model import (
    OPEN_ALREADY,
    ChangeAnswered,
    ChangeCommand,
    ChangeEvent,
    ChangeRequest,
    ChangeRequested,
    ChangeStatus,
    ContractChanges,
    RecordChangeAnswer,
    RequestChange,
)
from provider.domain.change.proposal import check_proposal
from provider.domain.common import (
    Role,
    not_foreign,
    own_contract,
    refuse,
    require_role,
    require_text,
    stamp,
)


def decide(command: ChangeCommand, state: ContractChanges | None) -> list[ChangeEvent]:
    match command:
        case RequestChange():
            return _request(command, state)
        case RecordChangeAnswer():
            return _answer(command, state)


def _request(command: RequestChange, state: ContractChanges | None) -> list[ChangeEvent]:
    contract = command.contract
    not_foreign(state, command, "contract")
    own_contract(contract, command, contract.contract_id)
    require_role(command, Role.COORDINATOR)
    if not contract.in_force or contract.version_in_force is None:
        refuse("contract_not_in_force", "Only a contract in force can be changed.")
    if state is not None and state.find(command.request_id) is not None:
        refuse("change_request_exists", "A change request with this id already exists.")
    if state is not None and state.open_of(command.kind) is not None:
        refuse(OPEN_ALREADY, f"A request of kind {command.kind.value} is already open.")
    require_text(command.reason, "reason")
    check_proposal(command)
    return [
        ChangeRequested(
            **stamp(command),
            contract_id=contract.contract_id,
            request_id=command.request_id,
            kind=command.kind,
            version_in_force=contract.version_in_force,
            proposal=command.proposal,
            reason=command.reason,
        )
    ]


def _answer(command: RecordChangeAnswer, state: ContractChanges | None) -> list[ChangeEvent]:
    require_role(command, Role.SYSTEM)
    found = None if state is None else state.find(command.request_id)
    if state is None or found is None or state.tenant_id != command.tenant_id:
        refuse("not_found", "No such change request.")
    if found.status is not ChangeStatus.OPEN:
        return []  # redelivered: the first answer stands
    return [
        ChangeAnswered(
            **stamp(command),
            request_id=command.request_id,
            granted=command.granted,
            reason_code=command.reason_code,
            text=command.text,
            amended_version=command.amended_version,
        )
    ]


def evolve(state: ContractChanges | None, event: ChangeEvent) -> ContractChanges:
    match event:
        case ChangeRequested():
            found = state or ContractChanges(
                tenant_id=event.tenant_id, contract_id=event.contract_id
            )
            request = ChangeRequest(
                request_id=event.request_id,
                kind=event.kind,
                version_in_force=event.version_in_force,
                proposal=event.proposal,
                reason=event.reason,
                requested_at=event.at,
            )
            return replace(found, requests=(*found.requests, request))
        case ChangeAnswered():
            if state is None:
                raise ValueError("ChangeAnswered before ChangeRequested: the stream is corrupt")
            status = ChangeStatus.GRANTED if event.granted else ChangeStatus.REFUSED
            answered = tuple(
                replace(
                    r,
                    status=status,
                    reason_code=event.reason_code,
                    answer_text=event.text,
                    amended_version=event.amended_version,
                    answered_at=event.at,
                )
                if r.request_id == event.request_id
                else r
                for r in state.requests
            )
            return replace(state, requests=answered)
