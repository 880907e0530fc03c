"""Decide and evolve for change requests: received once, answered once by casework."""

from dataclasses import replace
from uuid import UUID

from authority.domain.audit import CASEWORK, require_role, stamp
from authority.domain.change.messages import (
    ChangeCommand,
    ChangeEvent,
    ChangeGranted,
    ChangeRefused,
    ChangeRequestReceived,
    GrantChange,
    RecordChangeRequested,
    RefuseChange,
)
from authority.domain.change.model import (
    ChangeKind,
    ChangeRequest,
    ChangeStatus,
    ContractChanges,
)
from authority.domain.errors import DomainError, require, require_text


def decide(command: ChangeCommand, state: ContractChanges | None) -> list[ChangeEvent]:
    match command:
        case RecordChangeRequested():
            return _received(command, state)
        case GrantChange():
            found = _open(command.request_id, state)
            require_role(command, CASEWORK)
            drafts = found.kind is not ChangeKind.END_EARLY
            require(
                drafts == (command.amended_version is not None),
                "amendment_required",
                "an extension or change of scope is granted with the amended version",
            )
            version, text = command.amended_version, command.text
            return [
                ChangeGranted(
                    **stamp(command),
                    request_id=found.request_id,
                    amended_version=version,
                    text=text,
                )
            ]
        case RefuseChange():
            found = _open(command.request_id, state)
            require_role(command, CASEWORK)
            text = require_text(command.text, "refusal_text")
            code = command.reason_code
            return [
                ChangeRefused(
                    **stamp(command), request_id=found.request_id, reason_code=code, text=text
                )
            ]


def _received(command: RecordChangeRequested, state: ContractChanges | None) -> list[ChangeEvent]:
    if state is not None and state.find(command.request_id) is not None:
        return []  # redelivered: recorded once
    require(
        state is None or state.provider_id == command.provider_id,
        "contract_not_found",
        "no such contract with this provider",
    )
    return [
        ChangeRequestReceived(
            **stamp(command),
            contract_id=command.contract_id,
            case_id=command.case_id,
            provider_id=command.provider_id,
            request_id=command.request_id,
            kind=command.kind,
            version_in_force=command.version_in_force,
            proposal=command.proposal,
            sealed_reason=command.sealed_reason,
        )
    ]


def _open(request_id: UUID, state: ContractChanges | None) -> ChangeRequest:
    found = None if state is None else state.find(request_id)
    if found is None:
        raise DomainError("change_request_not_found", "the change request does not exist")
    require(
        found.status is ChangeStatus.OPEN,
        "change_request_answered",
        f"the change request is already {found.status.value}",
    )
    return found


def evolve(state: ContractChanges | None, event: ChangeEvent) -> ContractChanges:
    if isinstance(event, ChangeRequestReceived):
        base = state or ContractChanges(
            contract_id=event.contract_id, case_id=event.case_id, provider_id=event.provider_id
        )
        request = ChangeRequest(
            request_id=event.request_id,
            kind=event.kind,
            version_in_force=event.version_in_force,
            proposal=event.proposal,
            sealed_reason=event.sealed_reason,
            received_at=event.at,
        )
        return replace(base, requests=(*base.requests, request))
    if state is None:
        raise ValueError(f"{type(event).__name__} before a request: the stream is corrupt")
    answer = {"answered_by": event.actor.user_id, "answered_at": event.at}
    if isinstance(event, ChangeGranted):
        answer |= {"status": ChangeStatus.GRANTED, "amended_version": event.amended_version}
        answer |= {"answer_text": event.text}
    else:
        answer |= {"status": ChangeStatus.REFUSED, "reason_code": event.reason_code}
        answer |= {"answer_text": event.text}
    requests = tuple(
        replace(r, **answer) if r.request_id == event.request_id else r  # type: ignore[arg-type]
        for r in state.requests
    )
    return replace(state, requests=requests)
