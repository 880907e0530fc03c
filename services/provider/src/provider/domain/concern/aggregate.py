"""decide / evolve for concerns. Notifying never depends on the contract being in force:
the duty to notify holds whatever the state of the paperwork."""

from __future__ import annotations

from provider.domain.common import (
    Role,
    not_foreign,
    own_contract,
    refuse,
    require_role,
    require_text,
    stamp,
)
from provider.domain.concern.model import Concern, ConcernNotified, NotifyConcern


def decide(command: NotifyConcern, state: Concern | None) -> list[ConcernNotified]:
    not_foreign(state, command, "concern")
    own_contract(command.contract, command, command.contract.contract_id)
    require_role(command, Role.COORDINATOR, Role.STAFF)
    if state is not None:
        refuse("already_notified", "This concern is already notified.")
    require_text(command.summary, "summary")
    return [
        ConcernNotified(
            **stamp(command),
            concern_id=command.concern_id,
            contract_id=command.contract.contract_id,
            kind=command.kind,
            urgency=command.urgency,
            summary=command.summary,
        )
    ]


def evolve(state: Concern | None, event: ConcernNotified) -> Concern:
    return Concern(
        tenant_id=event.tenant_id,
        concern_id=event.concern_id,
        contract_id=event.contract_id,
        kind=event.kind,
        urgency=event.urgency,
        summary=event.summary,
    )
