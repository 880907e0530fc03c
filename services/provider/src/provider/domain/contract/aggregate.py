"""decide / evolve for the individual contract."""

from __future__ import annotations

from dataclasses import replace

from provider.domain.common import Role, existing, not_foreign, refuse, require_role, stamp
from provider.domain.contract import notice
from provider.domain.contract.model import (
    Contract,
    ContractCommand,
    ContractCountersigned,
    ContractEnded,
    ContractEvent,
    ContractOfferReceived,
    ContractTerms,
    Countersign,
    GiveNotice,
    NoticeGiven,
    OwnNoticeRecorded,
    ReceiveContractOffer,
    RecordEnded,
    RecordNotice,
)
from provider.domain.signing import require_signable


def decide(command: ContractCommand, state: Contract | None) -> list[ContractEvent]:
    match command:
        case ReceiveContractOffer():
            return _receive(command, state)
        case Countersign():
            return _countersign(command, state)
        case GiveNotice() | RecordNotice() | RecordEnded():
            return notice.decide(command, state)


def _receive(command: ReceiveContractOffer, state: Contract | None) -> list[ContractEvent]:
    not_foreign(state, command, "contract")
    require_role(command, Role.SYSTEM)
    _validate(command.terms, command.version)
    if state is not None and command.order_id != state.order_id:
        refuse("invalid_offer", "A contract cannot move to another order.")
    if state is not None and command.version <= state.version:
        return []  # redelivered or out of order: the newer offer already stands
    return [
        ContractOfferReceived(
            **stamp(command),
            contract_id=command.contract_id,
            version=command.version,
            order_id=command.order_id,
            terms=command.terms,
            authority_signed_at=command.authority_signed_at,
        )
    ]


def _validate(terms: ContractTerms, version: int) -> None:
    goal_ids = [goal.goal_id for goal in terms.goals]
    if version < 1:
        refuse("invalid_offer", "Contract versions start at 1.")
    if not goal_ids or len(set(goal_ids)) != len(goal_ids):
        refuse("invalid_offer", "A contract needs at least one goal, each goal once.")
    if terms.price_oere < 0:
        refuse("invalid_offer", "The price must not be negative.")
    if terms.end is not None and terms.end < terms.start:
        refuse("invalid_offer", "The contract ends before it starts.")


def _countersign(command: Countersign, state: Contract | None) -> list[ContractEvent]:
    contract = existing(state, command, "contract")
    require_role(command, Role.COORDINATOR)
    if command.version != contract.version:
        refuse(
            "stale_version",
            f"Version {command.version} is not the latest offer (version {contract.version}).",
        )
    if contract.countersigned_version == contract.version:
        refuse("already_countersigned", f"Version {contract.version} is already countersigned.")
    require_signable(contract.terms.terms_sha256, command.hashes)
    return [
        ContractCountersigned(
            **stamp(command),
            contract_id=contract.contract_id,
            version=contract.version,
            terms_sha256=contract.terms.terms_sha256,
        )
    ]


def evolve(state: Contract | None, event: ContractEvent) -> Contract:
    match event:
        case ContractOfferReceived():
            # A new version replaces the terms; the old countersignature no longer covers them.
            return Contract(
                tenant_id=event.tenant_id,
                contract_id=event.contract_id,
                order_id=event.order_id,
                version=event.version,
                terms=event.terms,
                authority_signed_at=event.authority_signed_at,
                countersigned_version=None if state is None else state.countersigned_version,
                terms_in_force=None if state is None else state.terms_in_force,
            )
        case ContractCountersigned():
            if state is None:
                raise ValueError("ContractCountersigned cannot start a contract")
            return replace(state, countersigned_version=event.version, terms_in_force=state.terms)
        case NoticeGiven() | OwnNoticeRecorded() | ContractEnded():
            if state is None:
                raise ValueError(f"{type(event).__name__} cannot start a contract")
            return notice.evolve(state, event)
