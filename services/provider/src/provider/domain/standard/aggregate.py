"""decide / evolve for the standard contract."""

from __future__ import annotations

from dataclasses import replace

from provider.domain.common import Role, existing, not_foreign, refuse, require_role, stamp
from provider.domain.signing import require_signable
from provider.domain.standard.model import (
    CountersignStandard,
    ReceiveStandardOffer,
    StandardCommand,
    StandardContract,
    StandardCountersigned,
    StandardEvent,
    StandardOfferReceived,
)


def decide(command: StandardCommand, state: StandardContract | None) -> list[StandardEvent]:
    match command:
        case ReceiveStandardOffer():
            return _receive(command, state)
        case CountersignStandard():
            return _countersign(command, state)


def _receive(command: ReceiveStandardOffer, state: StandardContract | None) -> list[StandardEvent]:
    not_foreign(state, command, "contract")
    require_role(command, Role.SYSTEM)
    terms = command.terms
    if command.version < 1 or terms.price_oere < 0:
        refuse("invalid_offer", "Versions start at 1 and prices are not negative.")
    if terms.end is not None and terms.end < terms.start:
        refuse("invalid_offer", "The contract ends before it starts.")
    if state is not None and command.version <= state.version:
        return []  # redelivered or out of order: the newer offer stands
    return [
        StandardOfferReceived(
            **stamp(command),
            contract_id=command.contract_id,
            version=command.version,
            terms=terms,
            authority_signed_at=command.authority_signed_at,
        )
    ]


def _countersign(
    command: CountersignStandard, state: StandardContract | None
) -> list[StandardEvent]:
    found = existing(state, command, "contract")
    require_role(command, Role.COORDINATOR)
    if command.version != found.version:
        refuse("stale_version", f"Version {command.version} is not the latest ({found.version}).")
    if found.in_force:
        refuse("already_countersigned", f"Version {found.version} is already countersigned.")
    require_signable(found.terms.terms_sha256, command.hashes)
    return [
        StandardCountersigned(
            **stamp(command),
            contract_id=found.contract_id,
            version=found.version,
            terms_sha256=found.terms.terms_sha256,
        )
    ]


def evolve(state: StandardContract | None, event: StandardEvent) -> StandardContract:
    match event:
        case StandardOfferReceived():
            # New terms: the old countersignature does not cover them.
            return StandardContract(
                tenant_id=event.tenant_id,
                contract_id=event.contract_id,
                version=event.version,
                terms=event.terms,
                authority_signed_at=event.authority_signed_at,
                countersigned_version=None if state is None else state.countersigned_version,
            )
        case StandardCountersigned():
            if state is None:
                raise ValueError("StandardCountersigned cannot start a contract")
            return replace(state, countersigned_version=event.version)
