"""decide / evolve for a contract's change requests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from provider.domain.change.model import (
    OPEN_ALREADY,
    ChangeAnswered,
    ChangeCommand,
    ChangeEvent,
    ChangeKind,
    ChangeRequest,
    ChangeRequested,
    ChangeStatus,
    ContractChanges,
    Proposal,
    RecordChangeAnswer,
    RequestChange,
)
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
        refuse(OPEN_ALREADY, f"A {command.kind.value} request is already open on the contract.")
    require_text(command.reason, "reason")
    _check_proposal(command)
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


def _check_proposal(command: RequestChange) -> None:
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
